// Validates YAML files against failmode's JSON Schema with Ajv (draft 2020-12), independently of
// failmode's own loader. YAML is read as YAML 1.2, as editors read it: 2027-03-31 stays a string.
//
//   node schema-check.mjs SCHEMA.json FILE...                    every file must be valid
//   node schema-check.mjs --expect-invalid SCHEMA.json FILE...   every file must be invalid
//
// Prints one line per file and exits 1 when any file is not as expected.
import { readFileSync } from "node:fs";
import Ajv2020 from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { parseAllDocuments } from "yaml";

const args = process.argv.slice(2);
const expectInvalid = args[0] === "--expect-invalid";
if (expectInvalid) args.shift();
const [schemaPath, ...files] = args;
if (!schemaPath || files.length === 0) {
  console.error("usage: node schema-check.mjs [--expect-invalid] SCHEMA.json FILE...");
  process.exit(2);
}

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));

let unexpected = 0;
for (const file of files) {
  let problems = [];
  try {
    const documents = parseAllDocuments(readFileSync(file, "utf8"), { version: "1.2", uniqueKeys: true });
    if (!Array.isArray(documents) || documents.length !== 1) {
      problems.push(`holds ${Array.isArray(documents) ? documents.length : 0} YAML documents, not one`);
    } else if (documents[0].errors.length > 0) {
      problems.push(...documents[0].errors.map((e) => `YAML: ${e.message.split("\n")[0]}`));
    } else if (!validate(documents[0].toJS({ maxAliasCount: 100 }))) {
      problems.push(...validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`));
    }
  } catch (e) {
    problems.push(`unreadable: ${String(e.message).split("\n")[0]}`);
  }
  const valid = problems.length === 0;
  const asExpected = valid !== expectInvalid;
  if (!asExpected) unexpected++;
  console.log(`${asExpected ? "ok  " : "FAIL"} ${file}: ${valid ? "valid" : "invalid: " + problems.slice(0, 3).join("; ")}`);
}
process.exit(unexpected === 0 ? 0 : 1);
