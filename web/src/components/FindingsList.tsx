// The findings of a report, the same list on Tổng quan and Báo cáo: severity, the
// rule's name and message, a link to each cell or item it is about, and beside it the
// explanations (giải trình) written for the figures involved. An explanation does not
// silence a finding: the approver reads both.
import { Empty, List, Typography } from 'antd';
import { Link } from 'react-router';
import type { ReportFinding } from '../api/types.ts';
import { formatDateTime } from '../lib/dates.ts';
import { linkOf, targetsOf } from '../lib/finding-links.ts';
import { SeverityTag } from '../lib/report-status.tsx';

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function FindingsList({ findings, search, sectionName, maxHeight, empty = 'Không phát hiện vấn đề.' }: {
  findings: readonly ReportFinding[];
  search: string;
  sectionName: (id: string) => string;
  maxHeight?: number;
  empty?: string;
}) {
  if (findings.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  const sorted = [...findings].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
  return (
    <List<ReportFinding>
      size="small"
      dataSource={sorted}
      style={maxHeight ? { maxHeight, overflow: 'auto' } : undefined}
      renderItem={(f) => (
        <List.Item data-testid="finding" style={{ display: 'block' }}>
          <div>
            <SeverityTag severity={f.severity} />
            {f.ruleName && <Typography.Text strong>{f.ruleName}: </Typography.Text>}
            <span>{f.message}</span>
          </div>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: '2px 12px', marginTop: 2 }}>
            {targetsOf(f).map((t) => {
              const link = linkOf(t, search, sectionName);
              return <Link key={link.to} to={link.to} style={{ fontSize: 12 }}>→ {link.label}</Link>;
            })}
          </div>
          {(f.explanations ?? []).map((e) => (
            <div key={`${e.orgUnit}|${e.dataElement}|${e.categoryOptionCombo}`} data-testid="explanation" style={{ marginTop: 4, padding: '4px 8px', background: '#f6f8fb', borderLeft: '3px solid #1f4e9c', fontSize: 13 }}>
              <b>Giải trình</b> ({[e.authorName ?? e.author, formatDateTime(e.at)].filter(Boolean).join(', ')}): {e.text}
            </div>
          ))}
        </List.Item>
      )}
    />
  );
}
