// One operation of the API reference page (/api/v1/docs), from the OpenAPI document.

export interface OperationView {
  method: string;
  path: string;
  summary: string;
  params: Array<{ name: string; in: string; required: boolean; description: string; schema: string }>;
  body: string | null;
  responses: Array<{ status: string; description: string }>;
}

export function ApiOperation({ op }: { op: OperationView }) {
  const id = `op-${op.method}-${op.path}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  return (
    <section className="card" aria-labelledby={id}>
      <h3 id={id}>
        <code>{op.method}</code> <code>{op.path}</code>
      </h3>
      <p>{op.summary}</p>
      {op.params.length ? (
        <div>
          <table className="table">
            <caption className="sr-only">
              Parameters of {op.method} {op.path}
            </caption>
            <thead>
              <tr>
                <th scope="col">Parameter</th>
                <th scope="col">In</th>
                <th scope="col">Required</th>
                <th scope="col">Schema</th>
              </tr>
            </thead>
            <tbody>
              {op.params.map((p) => (
                <tr key={`${p.in}-${p.name}`}>
                  <td>
                    <code>{p.name}</code>
                    {p.description ? <div className="small muted">{p.description}</div> : null}
                  </td>
                  <td>{p.in}</td>
                  <td>{p.required ? "yes" : "no"}</td>
                  <td>
                    <code className="small">{p.schema}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
      {op.body ? (
        <details>
          <summary>Request body (JSON schema)</summary>
          <pre className="small" tabIndex={0}>
            {op.body}
          </pre>
        </details>
      ) : null}
      <p className="small">
        Answers:{" "}
        {op.responses.map((r, i) => (
          <span key={r.status}>
            {i > 0 ? "; " : ""}
            <code>{r.status}</code> {r.description}
          </span>
        ))}
      </p>
    </section>
  );
}
