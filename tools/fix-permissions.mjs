// npm 11 no longer runs the install scripts of dependencies by default, and the SARIF multitool's
// only script makes its native binary executable. Do that here, for whichever platform was installed.
import { chmodSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

const scope = join("node_modules", "@microsoft");
if (existsSync(scope)) {
  for (const dir of readdirSync(scope)) {
    for (const binary of ["Sarif.Multitool", "Sarif.Multitool.exe"]) {
      const path = join(scope, dir, binary);
      if (existsSync(path)) {
        chmodSync(path, 0o755);
      }
    }
  }
}
