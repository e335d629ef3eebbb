#!/usr/bin/env python3
"""Writes the validation benchmark's document to stdout: a CycloneDX 1.6 JSON
BOM of about 100 MB with COMPONENTS (default 100,000) components, each with
two hashes, a license, a purl, external references, properties and evidence,
plus a dependency graph (the same shape bench_json_schema.cpp builds in
memory). Deterministic: the same arguments give the same bytes."""
import sys

COMPONENTS = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
LICENSES = ["MIT", "Apache-2.0", "BSD-3-Clause", "ISC", "GPL-2.0-only"]
MASK = (1 << 64) - 1


def hex_digits(seed, length):
    state = (seed * 2654435761 + 12345) & MASK
    out = []
    for _ in range(length):
        state = (state * 6364136223846793005 + 1442695040888963407) & MASK
        out.append("0123456789abcdef"[(state >> 33) & 0xF])
    return "".join(out)


def ref(i):
    return f"pkg:npm/%40bench/package-{i}@1.{i % 17}.{i % 5}"


def component(i):
    name = f"package-{i}"
    version = f"1.{i % 17}.{i % 5}"
    return (
        f'{{"type":"library","bom-ref":"{ref(i)}","group":"@bench","name":"{name}",'
        f'"version":"{version}","description":"Component {i} of the schema validation '
        f'benchmark, with enough text to be as long as a real package description tends to be.",'
        f'"scope":"required","hashes":[{{"alg":"SHA-256","content":"{hex_digits(i, 64)}"}},'
        f'{{"alg":"SHA-512","content":"{hex_digits(i + 1, 128)}"}}],'
        f'"licenses":[{{"license":{{"id":"{LICENSES[i % 5]}"}}}}],"purl":"{ref(i)}",'
        f'"externalReferences":[{{"type":"website","url":"https://example.com/bench/{name}"}},'
        f'{{"type":"distribution","url":"https://registry.npmjs.org/@bench/{name}/-/{name}-'
        f'{version}.tgz","hashes":[{{"alg":"SHA-1","content":"{hex_digits(i + 2, 40)}"}}]}}],'
        f'"properties":[{{"name":"kensa:development","value":"false"}},'
        f'{{"name":"kensa:source","value":"package-lock.json"}}],'
        f'"evidence":{{"occurrences":[{{"location":"node_modules/@bench/{name}"}}]}}}}')


out = sys.stdout
out.write('{"bomFormat":"CycloneDX","specVersion":"1.6",'
          '"serialNumber":"urn:uuid:3e671687-395b-41f5-a30f-a58921a69b79","version":1,'
          '"metadata":{"timestamp":"2025-05-01T14:00:00Z","tools":{"components":[{"type":'
          '"application","name":"kensa","version":"0.1.0"}]},"component":{"type":"application",'
          '"bom-ref":"root","name":"bench-root","version":"1.0.0"}},"components":[')
out.write(",".join(component(i) for i in range(COMPONENTS)))
out.write(f'],"dependencies":[{{"ref":"root","dependsOn":["{ref(0)}"]}}')
for i in range(COMPONENTS):
    out.write(f',{{"ref":"{ref(i)}","dependsOn":["{ref((i * 7 + 1) % COMPONENTS)}",'
              f'"{ref((i * 13 + 2) % COMPONENTS)}"]}}')
out.write("]}")
