export const runPath = (run: { id: string }) => `/dispatch/runs/${encodeURIComponent(run.id)}`;

export const dispatchPath = (city: string) => `/dispatch?city=${encodeURIComponent(city)}`;
