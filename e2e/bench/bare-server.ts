// The floor for HTTP figures: a bare node:http server answering a small, fixed HTML page on every path
// (including /healthz). Started as a child process by floors.ts; PORT and HOST come from the environment.
import http from "node:http";

const page = Buffer.from(`<!DOCTYPE html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Sign in · Lantern</title></head>
<body>
<main>
<h1>Sign in</h1>
<form method="post" action="/login">
<label>Email <input type="email" name="email" autocomplete="username" required></label>
<label>Password <input type="password" name="password" autocomplete="current-password" required></label>
<button type="submit">Sign in</button>
</form>
</main>
</body>
</html>
`);

const port = Number(process.env.PORT);
const host = process.env.HOST ?? "127.0.0.1";
if (!Number.isInteger(port) || port <= 0) {
  console.error("bare-server: PORT must be set");
  process.exit(2);
}

const server = http.createServer((_req, res) => {
  res.writeHead(200, { "content-type": "text/html; charset=utf-8", "content-length": page.length });
  res.end(page);
});
server.on("error", (e) => {
  console.error(`bare-server: ${e.message}`);
  process.exit(1);
});
server.listen(port, host, () => console.error(`bare-server listening on http://${host}:${port}`));
for (const signal of ["SIGTERM", "SIGINT"] as const) process.on(signal, () => server.close(() => process.exit(0)));
