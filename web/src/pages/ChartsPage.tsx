export function ChartsPage() {
  return <div>ChartsPage</div>;
}
