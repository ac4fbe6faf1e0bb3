// The indicator catalogue as stored, for use cases that resolve codes or aggregate.
import { Catalogue } from '../../core/indicator.ts';
import type { CatalogueProblem } from '../../core/indicator.ts';
import type { Store } from '../ports.ts';
import { cachedRead } from '../read-cache.ts';

/** From memory while nothing has been written (read-cache.ts). */
export function loadCatalogue({ store }: { store: Store }): Promise<{ catalogue: Catalogue; problems: CatalogueProblem[] }> {
  return cachedRead(store, 'catalogue', async () => {
    const [indicators, disaggregations, optionCombos] = await Promise.all([
      store.indicators.listIndicators(), store.indicators.listDisaggregations(), store.indicators.listOptionCombos(),
    ]);
    return Catalogue.build({ indicators, disaggregations, optionCombos });
  });
}
