#!/usr/bin/python3
"""Writes eng/third-party/THIRD-PARTY-NOTICES.md: every NuGet package whose assemblies ship in the tool.

    dotnet restore src/ModelGate.Cli && /usr/bin/python3 eng/third-party/make_notices.py

Reads the runtime closure of src/ModelGate.Cli from its obj/project.assets.json and each package's licence and
copyright from its .nuspec in the NuGet cache; the licence texts follow, once each. ONNX Runtime's own licence and
notices travel separately (third-party/onnxruntime/). ThirdPartyNoticesTests fails when a shipped package is missing.
"""
import json
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", ".."))
CACHE = os.environ.get("NUGET_PACKAGES", os.path.expanduser("~/.nuget/packages"))

# Where a nuspec names no SPDX expression or copyright, what its repository's LICENSE file says.
KNOWN = {
    "K4os.Compression.LZ4": ("MIT", "Copyright (c) 2017 Milosz Krajewski"),
    "Parquet.Net": ("MIT", "Copyright (c) 2017 Elastacloud Limited and Ivan Gavryliuk"),
    "Microsoft.ML.OnnxRuntime.Managed": ("MIT", "Copyright (c) Microsoft Corporation"),
}
# CsvHelper is dual-licensed; ModelGate takes it under Apache-2.0.
CHOSEN = {"MS-PL OR Apache-2.0": "Apache-2.0"}

MIT = """Permission is hereby granted, free of charge, to any person obtaining a copy of this software and associated
documentation files (the "Software"), to deal in the Software without restriction, including without limitation the
rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies of the Software, and to permit
persons to whom the Software is furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or substantial portions of the
Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR
COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR
OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE."""

BSD_COMMON = """Redistribution and use in source and binary forms, with or without modification, are permitted provided that the
following conditions are met:

1. Redistributions of source code must retain the above copyright notice, this list of conditions and the following
   disclaimer.
2. Redistributions in binary form must reproduce the above copyright notice, this list of conditions and the following
   disclaimer in the documentation and/or other materials provided with the distribution.
"""
BSD_THIRD = """3. Neither the name of the copyright holder nor the names of its contributors may be used to endorse or promote
   products derived from this software without specific prior written permission.
"""
BSD_DISCLAIMER = """
THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND ANY EXPRESS OR IMPLIED WARRANTIES,
INCLUDING, BUT NOT LIMITED TO, THE IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE FOR ANY DIRECT, INDIRECT, INCIDENTAL,
SPECIAL, EXEMPLARY, OR CONSEQUENTIAL DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER CAUSED AND ON ANY THEORY OF LIABILITY,
WHETHER IN CONTRACT, STRICT LIABILITY, OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE."""

TEXTS = {
    "MIT": MIT,
    "BSD-2-Clause": BSD_COMMON + BSD_DISCLAIMER,
    "BSD-3-Clause": BSD_COMMON + BSD_THIRD + BSD_DISCLAIMER,
    "Apache-2.0": open("/usr/share/common-licenses/Apache-2.0", encoding="utf-8").read().strip(),
}


def shipped():
    assets = json.load(open(os.path.join(REPO, "src", "ModelGate.Cli", "obj", "project.assets.json"), encoding="utf-8"))
    target = next(iter(assets["targets"].values()))
    for key, entry in sorted(target.items(), key=lambda kv: kv[0].lower()):
        dlls = [os.path.basename(p) for p in entry.get("runtime", {}) if p.endswith(".dll")]
        if entry.get("type") == "package" and dlls:
            package, version = key.split("/")
            yield package, version, dlls


def nuspec(package, version):
    path = os.path.join(CACHE, package.lower(), version, package.lower() + ".nuspec")
    text = open(path, encoding="utf-8-sig").read()
    licence = re.search(r'<license type="expression">([^<]*)</license>', text)
    copyright_ = re.search(r"<copyright>([^<]*)</copyright>", text)
    url = re.search(r"<projectUrl>([^<]*)</projectUrl>", text)
    known = KNOWN.get(package)
    spdx = known[0] if known else CHOSEN.get(licence.group(1), licence.group(1)) if licence else None
    holder = known[1] if known and not copyright_ else copyright_.group(1) if copyright_ else None
    if spdx not in TEXTS or not holder:
        raise SystemExit(f"{package} {version}: no licence text for {spdx!r} or no copyright; add it to KNOWN")
    return spdx, holder.replace("&amp;", "&"), url.group(1) if url else ""


def main():
    rows, used = [], []
    for package, version, dlls in shipped():
        spdx, holder, url = nuspec(package, version)
        rows.append(f"| {package} | {version} | {', '.join(f'`{d}`' for d in dlls)} | {spdx} | {holder} | {url} |")
        if spdx not in used:
            used.append(spdx)
    out = ["# Third-party notices", "",
           "ModelGate ships these packages' assemblies. Each is used under the licence named; the licence texts follow.",
           "ONNX Runtime's native libraries carry their own licence and notices, in `third-party/onnxruntime/`.",
           "Generated by `eng/third-party/make_notices.py` from the packages' .nuspec files.", "",
           "| package | version | assemblies | licence | copyright | project |", "|---|---|---|---|---|---|", *rows]
    for spdx in used:
        out += ["", f"## {spdx}", "", "```", TEXTS[spdx], "```"]
    with open(os.path.join(HERE, "THIRD-PARTY-NOTICES.md"), "w", encoding="utf-8", newline="\n") as f:
        f.write("\n".join(out) + "\n")
    print(f"{len(rows)} packages, licences: {', '.join(used)}")


if __name__ == "__main__":
    main()
