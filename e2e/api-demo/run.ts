// `npm run demo:api`: the API demonstration of the README (see demo.ts), printed step by step.
import { runApiDemo } from "./demo";

const report = await runApiDemo((line) => console.log(line));
console.log(JSON.stringify(report, null, 2));
if (!report.webhook.signatureValid) process.exit(1);
