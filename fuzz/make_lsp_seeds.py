#!/usr/bin/env python3
"""Writes the seed corpus of fuzz_lsp (fuzz/corpus/lsp/).

Each seed is a framed client session ("Content-Length: N\\r\\n\\r\\n" + JSON)
behind the chunking prefix fuzz_lsp.cpp reads: "0" sends it in one piece,
"3" plus three size bytes sends it in pieces of those sizes (+1). Sessions
come from the transcripts in fixtures/lsp/*.jsonrpc (same format as
tests/lsp/transcript_test.cpp reads, with ${ROOT_URI} under file:///fuzz)
plus one written here that walks the whole protocol.

Run from anywhere: python3 fuzz/make_lsp_seeds.py
"""
import json
import pathlib
import re

REPO = pathlib.Path(__file__).resolve().parent.parent
FIXTURES = REPO / "fixtures" / "lsp"
OUT = REPO / "fuzz" / "corpus" / "lsp"
ROOT = "/fuzz/lsp"
ROOT_URI = "file://" + ROOT


def frame(body: bytes) -> bytes:
    return b"Content-Length: %d\r\n\r\n" % len(body) + body


def rpc(method, params=None, id=None):
    m = {"jsonrpc": "2.0", "method": method}
    if id is not None:
        m["id"] = id
    if params is not None:
        m["params"] = params
    return frame(json.dumps(m, ensure_ascii=False).encode())


def transcript(path: pathlib.Path) -> bytes:
    out = b""
    for message in path.read_text(encoding="utf-8").split("\n---\n"):
        lines = [l for l in message.split("\n") if not l.startswith("//")]
        text = "\n".join(lines).strip("\n")
        if not text.strip():
            continue
        text = re.sub(r"\$\{FILE:([^}]*)\}",
                      lambda m: json.dumps((FIXTURES / m.group(1)).read_text(encoding="utf-8"),
                                           ensure_ascii=False), text)
        text = text.replace("${ROOT_URI}", ROOT_URI).replace("${ROOT}", ROOT)
        if text.startswith("#raw\n"):
            out += "".join(text.split("\n")[1:]).replace("\\r", "\r").replace("\\n", "\n").encode()
        elif text.startswith("#text\n"):
            out += frame(text.split("\n", 1)[1].encode())
        else:
            out += frame(text.encode())
    return out


DRAFT = ("Subject: Thank you\nTo: jane@acme.example\n\nDear Ms. Núñez\n\n"
         "Thank you for the interview 😀 on Tuesday. I would utilize my skills and I am a team player!!\n\n"
         "Cheers,\nAna\n")


def full_session(utf8: bool) -> bytes:
    uri = ROOT_URI + "/notes/draft.txt"
    caps = {"textDocument": {"publishDiagnostics": {"relatedInformation": True}},
            "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True},
                          "diagnostics": {"refreshSupport": True}}}
    if utf8:
        caps["general"] = {"positionEncodings": ["utf-8", "utf-16"]}
    doc = {"uri": uri}
    pos = {"line": 5, "character": 84}  # inside "team player"
    s = rpc("initialize", {"processId": None, "rootUri": ROOT_URI, "capabilities": caps}, id=1)
    s += rpc("initialized", {})
    s += frame(b'{"jsonrpc": "2.0", "id": 1, "result": null}')  # registerCapability accepted
    s += rpc("textDocument/didOpen", {"textDocument": {**doc, "languageId": "plaintext", "version": 1,
                                                       "text": DRAFT}})
    s += rpc("textDocument/diagnostic", {"textDocument": doc}, id=2)
    s += rpc("textDocument/hover", {"textDocument": doc, "position": pos}, id=3)
    s += rpc("textDocument/codeAction", {"textDocument": doc, "range": {"start": {"line": 0, "character": 0},
                                                                        "end": {"line": 9, "character": 0}},
                                         "context": {"diagnostics": [], "only": ["quickfix"]}}, id=4)
    s += rpc("textDocument/didChange", {"textDocument": {**doc, "version": 2}, "contentChanges": [
        {"range": {"start": {"line": 3, "character": 14}, "end": {"line": 3, "character": 14}}, "text": ","},
        {"range": {"start": {"line": 5, "character": 28}, "end": {"line": 5, "character": 30}}, "text": ""},
        {"range": {"start": {"line": 8, "character": 0}, "end": {"line": 8, "character": 7}},
         "text": "Sincerely,"}]})
    s += rpc("$/cancelRequest", {"id": 4})
    s += rpc("textDocument/hover", {"textDocument": doc, "position": {"line": 5, "character": 60}}, id=5)
    s += rpc("textDocument/didSave", {"textDocument": doc})
    s += rpc("workspace/didChangeWatchedFiles", {"changes": [{"uri": ROOT_URI + "/.followup-lint.toml",
                                                              "type": 2}]})
    s += rpc("textDocument/didChange", {"textDocument": {**doc, "version": 3},
                                        "contentChanges": [{"text": "+++\nkind = \"thank-you\"\n+++\n" + DRAFT}]})
    s += rpc("textDocument/didClose", {"textDocument": doc})
    s += rpc("shutdown", None, id=6)
    s += rpc("exit")
    return s


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    seeds = {
        "session-utf16": b"0" + full_session(False),
        "session-utf8": b"0" + full_session(True),
        # The same session cut into pieces of 1, 16 and 256 bytes in turn.
        "session-split": b"3\x00\x0f\xff" + full_session(False),
    }
    for path in sorted(FIXTURES.glob("*.jsonrpc")):
        seeds["transcript-" + path.stem] = b"0" + transcript(path)
    seeds["transcript-malformed-split"] = b"2\x02\x40" + transcript(FIXTURES / "malformed.jsonrpc")
    for name, data in seeds.items():
        (OUT / name).write_bytes(data)
        print(f"{OUT / name}: {len(data)} bytes")


if __name__ == "__main__":
    main()
