// Calls to the onrecord HTTP API; errors carry the server's "detail" message.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

async function call(path, options = {}) {
  let response;
  try {
    response = await fetch(path, options);
  } catch (err) {
    throw new ApiError(0, "The server did not answer. Is `onrecord serve` still running?");
  }
  let body = null;
  try {
    body = await response.json();
  } catch (err) {
    body = null;
  }
  if (!response.ok) {
    const detail = body && typeof body.detail === "string" ? body.detail : response.statusText;
    throw new ApiError(response.status, detail || `HTTP ${response.status}`);
  }
  return body;
}

export const health = () => call("/health");

export function extract(payload) {
  return call("/extract", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(payload),
  });
}

function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== "" && v != null) q.set(k, v);
  return q.toString();
}

export const quotes = (params) => call(`/quotes?${query(params)}`);
export const speakers = (params) => call(`/speakers?${query(params)}`);
export const article = (id) => call(`/articles/${encodeURIComponent(id)}`);
export const statements = (params) => call(`/statements?${query(params)}`);
export const statement = (id) => call(`/statements/${encodeURIComponent(id)}`);
export const summary = () => call("/api/summary");
