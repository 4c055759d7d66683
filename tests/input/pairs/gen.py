#!/usr/bin/env python3
"""Generate container / plain-twin pairs for followup-lint.

Every pair is one note (the `Note` objects below) rendered twice:

  <name>.<ext>        the note as a mail client or editor saves it (.eml, .md,
                      .html, .txt in an unusual encoding), quoted history and
                      client footers included;
  <name>.plain.txt    the same note in followup-lint's plain-text layout:
                      optional +++ TOML front matter, a header block
                      (Subject/To/Cc/Date/Attachments), a blank line, then
                      salutation, paragraphs, closing and signature. Only the
                      writer's own text, UTF-8, LF.

The twin's words are the writer's words of the container, in the same order;
`self_check()` verifies this for every pair by decoding each container with
Python's own email / html / codec machinery.

Encodings are produced by code, not by hand: quoted-printable by `qp()`
(RFC 2045: 76 columns, `=` soft breaks, never splitting an `=XX` escape),
base64 by `b64()` (base64 module, 76 columns), RFC 2047 words by `ew_q()` /
`ew_b()`, RFC 2231 names by urllib.parse.quote. Every .eml is written with
CRLF line ends (as it goes over the wire and as Thunderbird / Outlook /
Apple Mail export it). Headers, boundaries and part layout are written out
deliberately per client.

Run:  python3 gen.py            # (re)writes every file next to this script
      python3 gen.py --check    # also re-decodes every container and compares
      python3 gen.py --observe build/followup-lint
                                # also runs a binary on every file for MANIFEST.md
"""
import base64
import datetime as dt
import email
import email.policy
import html
import os
import re
import sys
import textwrap
import urllib.parse
from dataclasses import dataclass, field
from email.utils import format_datetime
from html.parser import HTMLParser

OUT = os.path.dirname(os.path.abspath(__file__))


# ---------------------------------------------------------------- the notes

@dataclass
class Note:
    salutation: str
    paras: list            # paragraph strings; '\n' inside = line break in the paragraph
    closing: str
    sig: list              # signature lines
    subject: str = None
    to: str = None         # decoded header value, e.g. 'Ana Cruz <ana@x.com>'
    cc: str = None
    date: str = None       # RFC 5322 date string, exactly as in the container
    attachments: list = field(default_factory=list)
    front: str = None      # TOML for the twin's +++ front matter (without the +++ lines)
    head: list = None      # letter heading: list of blocks (lists of lines)

    def body_lines(self, sigsep=False):
        """Salutation .. signature as lines ('' = blank line)."""
        out = []
        for block in self.head or []:
            out += block + [""]
        out += [self.salutation, ""]
        for p in self.paras:
            out += p.split("\n") + [""]
        out.append(self.closing)
        if sigsep:
            out += ["", "-- "]
        out += self.sig
        return out

    def twin(self):
        s = ""
        if self.front is not None:
            s += "+++\n" + self.front.strip("\n") + "\n+++\n"
        hdr = []
        for k, v in (("Subject", self.subject), ("To", self.to), ("Cc", self.cc),
                     ("Date", self.date)):
            if v is not None:
                hdr.append(f"{k}: {v}")
        if self.attachments:
            hdr.append("Attachments: " + ", ".join(self.attachments))
        if hdr:
            s += "\n".join(hdr) + "\n\n"
        s += "\n".join(self.body_lines()) + "\n"
        return s


def rfcdate(y, mo, d, h, mi, s, off_minutes):
    tz = dt.timezone(dt.timedelta(minutes=off_minutes))
    return format_datetime(dt.datetime(y, mo, d, h, mi, s, tzinfo=tz))


NNBSP = "\u202f"   # Gmail puts U+202F NARROW NO-BREAK SPACE before AM/PM since 2023


# ---------------------------------------------------------------- encoders

def qp(data: bytes, maxlen=76) -> bytes:
    """Quoted-printable (RFC 2045 6.7). Input lines are split on b'\\n' (the
    canonical CRLF is produced later); soft breaks are b'=\\n'."""
    out = []
    for line in data.split(b"\n"):
        toks = []
        for i, b in enumerate(line):
            last = i == len(line) - 1
            if b == 0x3D or b > 0x7E or (b < 0x20 and b != 0x09) or (b in (0x20, 0x09) and last):
                toks.append(b"=%02X" % b)
            else:
                toks.append(bytes([b]))
        cur = b""
        for j, t in enumerate(toks):
            rest_fits = (j == len(toks) - 1) and len(cur) + len(t) <= maxlen
            if len(cur) + len(t) > maxlen - 1 and not rest_fits:
                out.append(cur + b"=")
                cur = b""
            cur += t
        out.append(cur)
    return b"\n".join(out)


def b64(data: bytes) -> bytes:
    """base64 in 76-column lines (b'\\n' line ends, CRLF later)."""
    return base64.encodebytes(data).rstrip(b"\n")


def crlf_text(s: str) -> str:
    return s.replace("\r\n", "\n").replace("\n", "\r\n")


_Q_SAFE = re.compile(r"[A-Za-z0-9!*+\-/]")


def ew_q(s, charset="UTF-8"):
    """RFC 2047 'Q' encoded word (phrase-safe characters only)."""
    enc = []
    for ch in s:
        if ch == " ":
            enc.append("_")
        elif _Q_SAFE.fullmatch(ch):
            enc.append(ch)
        else:
            enc.append("".join("=%02X" % b for b in ch.encode(charset)))
    return f"=?{charset}?Q?{''.join(enc)}?="


def ew_b(s, charset="utf-8"):
    return f"=?{charset}?B?{base64.b64encode(s.encode(charset)).decode()}?="


def wrap_lines(lines, width):
    """Hard-wrap every line longer than width (Outlook plain text: 76)."""
    out = []
    for ln in lines:
        if len(ln) <= width or ln.startswith(">"):
            out.append(ln)
        else:
            out += textwrap.wrap(ln, width=width, break_long_words=False,
                                 break_on_hyphens=False)
    return out


def flowed(lines, width=72):
    """format=flowed, DelSp=No (RFC 3676) as Thunderbird writes it: each
    soft-wrapped line keeps its trailing space; '-- ' stays as is; lines
    starting with ' ', '>' or 'From ' are space-stuffed."""
    out = []
    for ln in lines:
        if ln == "-- ":
            out.append(ln)
            continue
        ln = ln.rstrip(" ")
        if len(ln) <= width:
            parts = [ln]
        else:
            words = ln.split(" ")
            parts, cur = [], ""
            for w in words:
                if cur and len(cur) + 1 + len(w) > width:
                    parts.append(cur + " ")
                    cur = w
                else:
                    cur = w if not cur else cur + " " + w
            parts.append(cur)
        for p in parts:
            if p.startswith((" ", ">", "From ")):
                p = " " + p
            out.append(p)
    return out


def quote_lines(lines, width=76):
    """'> ' quoting as Gmail's text part does it (rewrapped to width)."""
    out = []
    for ln in lines:
        if ln == "":
            out.append(">")
        else:
            for w in textwrap.wrap(ln, width=width - 2, break_long_words=False,
                                   break_on_hyphens=False):
                out.append("> " + w)
    return out


def gmail_esc(s):
    s = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    s = s.replace('"', "&quot;").replace("'", "&#39;")
    return s.replace("  ", "&nbsp; ")


def gmail_div_html(lines):
    """Gmail compose HTML: first line straight in <div dir="ltr">, then a
    <div> per line, <div><br></div> per blank line."""
    first, rest = lines[0], lines[1:]
    h = '<div dir="ltr">' + gmail_esc(first)
    for ln in rest:
        h += "<div>" + (gmail_esc(ln) if ln else "<br>") + "</div>"
    return h + "</div>"


# ---------------------------------------------------------------- writers

WRITTEN = []   # (name, container file, twin file)


def write_pair(name, ext, container: bytes, note: Note, desc: str, expect: list,
               observed: str = ""):
    cpath = os.path.join(OUT, f"{name}.{ext}")
    tpath = os.path.join(OUT, f"{name}.plain.txt")
    with open(cpath, "wb") as f:
        f.write(container)
    with open(tpath, "w", encoding="utf-8", newline="\n") as f:
        f.write(note.twin())
    WRITTEN.append(dict(name=name, container=f"{name}.{ext}", twin=f"{name}.plain.txt",
                        desc=desc, expect=expect, note=note, observed=observed))


def eml(headers: str, body: str | bytes) -> bytes:
    """headers: header lines joined by '\\n' (folding written explicitly);
    body: text with '\\n' line ends or bytes. All line ends become CRLF."""
    if isinstance(body, str):
        body = body.encode("utf-8")
    raw = headers.strip("\n").encode("utf-8") + b"\n\n" + body
    raw = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return raw


def plain_lines_text(lines):
    return "\n".join(lines) + "\n"


# ================================================================ EML forms

def eml_thunderbird_flowed():
    n = Note(
        subject="Thank you",
        to="Priya Raman <priya.raman@northwind-logistics.com>",
        cc="Jake Sullivan <jake.sullivan@northwind-logistics.com>",
        date=rfcdate(2026, 11, 19, 8, 42, 17, -300),
        salutation="Dear Ms. Raman,",
        paras=[
            "Thank you for meeting with me on Wednesday to discuss the Logistics Analyst "
            "position. I enjoyed hearing how your team rebuilt the carrier scorecard last "
            "spring and how it changed the way you negotiate rates.",
            "At Harbor Supply I maintained the routing model for 140 daily shipments and cut "
            "empty miles by 9 percent. I am also a team player who likes to share what I "
            "learn with the whole dispatch floor.",
            "Thank you again for your time. I look forward to hearing about the next steps.",
        ],
        closing="Kind regards,",
        sig=["Marcus Bell", "marcus.bell@fastmail.com | (617) 555-0148"],
    )
    body = plain_lines_text(flowed(n.body_lines(sigsep=True)))
    hdr = f"""Message-ID: <3b8e1f52-6c0d-4a7e-9f21-8d4c2e7b5a90@fastmail.com>
Date: {n.date}
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Content-Language: en-US
To: {n.to}
Cc: {n.cc}
From: Marcus Bell <marcus.bell@fastmail.com>
Subject: {n.subject}
Content-Type: text/plain; charset=UTF-8; format=flowed; delsp=no
Content-Transfer-Encoding: 7bit"""
    write_pair("thunderbird-flowed", "eml", eml(hdr, body), n,
               "Thunderbird, single text/plain part, format=flowed; delsp=no, 7bit: paragraphs "
               "soft-wrapped at 72 with a trailing space on each wrapped line; a `-- ` "
               "signature separator (after a blank line under the closing); Cc to the recruiter.",
               ["subject.vague=Subject: Thank you", "recipients.multiple=To + Cc", "cliche.soft-skill=team player"])


def eml_apple_mail_qp():
    n = Note(
        subject="Thank You – Product Designer Interview",
        to="Tomás Núñez <tomas.nunez@lumenstudio.co>",
        date=rfcdate(2026, 11, 20, 7, 55, 3, -480),
        salutation="Dear Mr. Núñez,",
        paras=[
            "Thank you for the thoughtful conversation yesterday about the Product Designer "
            "role at Lumen Studio. I appreciated the chance to see the early sketches for the "
            "booking flow and to hear how the team tests ideas with real customers every week.",
            "Our talk about accessibility stayed with me. In my current role I led the the "
            "audit of our checkout screens and fixed forty contrast and focus issues before "
            "launch.",
            "Thank you again for your time and for the studio tour, Mr. Núñez. I hope to hear "
            "from you soon.",
        ],
        closing="Sincerely,",
        sig=["Sofia Lindqvist"],
    )
    body = qp(plain_lines_text(n.body_lines()).encode("utf-8"))
    hdr = f"""From: Sofia Lindqvist <sofia.lindqvist@icloud.com>
Content-Type: text/plain;
\tcharset=utf-8
Content-Transfer-Encoding: quoted-printable
Mime-Version: 1.0 (Mac OS X Mail 16.0 \\(3826.200.121\\))
Subject: {ew_q(n.subject, 'utf-8')}
Message-Id: <6A1F0C3E-92B4-4D7A-8E5F-3C2B1A0D9E8F@icloud.com>
Date: {n.date}
To: {ew_q('Tomás Núñez', 'utf-8')} <tomas.nunez@lumenstudio.co>
X-Mailer: Apple Mail (2.3826.200.121)"""
    write_pair("apple-mail-qp", "eml", eml(hdr, body), n,
               "Apple Mail, text/plain; charset=utf-8 folded onto a tab-indented line, "
               "quoted-printable with soft breaks `=` at column 76 falling mid-word; Núñez as "
               "N=C3=BA=C3=B1ez; Subject and To display name as =?utf-8?Q?…?=.",
               ["style.repeated-word=the the (split by the QP soft break `t=`/`he`)", "contact.missing=Sofia Lindqvist"])


def eml_gmail_alternative():
    n = Note(
        subject="Thank You – Data Analyst Interview",
        to="Rachel Goldberg <rachel.goldberg@fairhavencu.org>",
        date=rfcdate(2026, 11, 16, 18, 22, 41, -300),
        salutation="Dear Ms. Goldberg,",
        paras=[
            "Thank you for taking the time to speak with me this afternoon about the Data "
            "Analyst position at Fairhaven Credit Union. I enjoyed learning how your team uses "
            "member surveys to decide which branches need longer hours.",
            "Our conversation about the loan delinquency dashboard reminded me of a project I "
            "finished last year, when I rebuilt a weekly report in SQL and Tableau and cut its "
            "refresh time from two hours to ten minutes. I'd welcome the chance to bring that "
            "experience to your team.",
            "Thank you again for your time. If you have any other questions, I'm happy to "
            "answer them at (312) 555-0199.",
        ],
        closing="Best,",
        sig=["Kwame Mensah", "kwame.mensah@gmail.com"],
    )
    B = "0000000000008c1f2a0623d4e5b6"
    lines = n.body_lines()
    text = qp(plain_lines_text(lines).encode()).decode()
    htm = qp((gmail_div_html(lines) + "\n").encode()).decode()
    body = f"""--{B}
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{text}
--{B}
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{htm}
--{B}--
"""
    hdr = f"""MIME-Version: 1.0
Date: {n.date}
Message-ID: <CAF3kQy7pR2mZx9vLw4tBn8sHj6dKe1cYg0uNa5oTi3fWq7XbPz@mail.gmail.com>
Subject: {ew_q(n.subject)}
From: Kwame Mensah <kwame.mensah@gmail.com>
To: {n.to}
Content-Type: multipart/alternative; boundary="{B}\""""
    write_pair("gmail-alternative", "eml", eml(hdr, body), n,
               "Gmail sent mail: multipart/alternative, boundary 0000000000008c1f2a0623d4e5b6, "
               "no preamble; text/plain and text/html (div-per-line, `&#39;`) both "
               "quoted-printable; blank line before each boundary.",
               [])


def eml_thunderbird_alternative():
    n = Note(
        subject="Checking in",
        to="Harlan Brooks <h.brooks@cobaltsystems.io>",
        date=rfcdate(2026, 11, 24, 10, 5, 12, 60),
        salutation="Dear Mr. Brooks,",
        paras=[
            "I hope you are well. I am writing to follow up on my interview on November 12 "
            "for the QA Engineer position at Cobalt Systems.",
            "I remain very interested in the role, especially the plan to move the regression "
            "suite to Playwright. Could you let me know as soon as possible where things stand?",
            "Thank you for your time.",
        ],
        closing="Kind regards,",
        sig=["Elena Petrova", "elena.petrova@gmail.com"],
    )
    B = "------------Q0mN5vT8xB2cR7kL4pW9zJ3e"
    lines = n.body_lines()
    text = plain_lines_text(flowed(lines))
    ps = [f"    <p>{html.escape(n.salutation, quote=False)}</p>"]
    for p in n.paras:
        ps.append(f"    <p>{html.escape(p, quote=False)}</p>")
    ps.append(f"    <p>{html.escape(n.closing, quote=False)}<br>\n      "
              + "<br>\n      ".join(html.escape(s, quote=False) for s in n.sig) + "</p>")
    htm = ("<!DOCTYPE html>\n<html>\n  <head>\n\n"
           '    <meta http-equiv="content-type" content="text/html; charset=UTF-8">\n'
           "  </head>\n  <body>\n" + "\n".join(ps) + "\n  </body>\n</html>\n")
    body = f"""This is a multi-part message in MIME format.
--{B}
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: 7bit

{text}
--{B}
Content-Type: text/html; charset=UTF-8
Content-Transfer-Encoding: 7bit

{htm}
--{B}--
"""
    hdr = f"""Content-Type: multipart/alternative;
 boundary="{B}"
Message-ID: <a7d29c14-5e3b-4f80-b6c1-0e9f2d8a4b73@gmail.com>
Date: {n.date}
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Content-Language: en-US
To: {n.to}
From: Elena Petrova <elena.petrova@gmail.com>
Subject: {n.subject}"""
    write_pair("thunderbird-alternative", "eml", eml(hdr, body), n,
               "Thunderbird HTML mail: multipart/alternative with the preamble \"This is a "
               "multi-part message in MIME format.\", boundary `------------…` folded onto a "
               "continuation line; text/plain format=flowed 7bit, then text/html (<!DOCTYPE html>, "
               "<p> per block, <br> in the signature).",
               ["subject.vague=Checking in", "inquiry.pressure=as soon as possible"])


def eml_gmail_reply():
    n = Note(
        subject="Re: Your application for Senior Accountant",
        to="Dana Reyes <dana.reyes@harborviewhealth.org>",
        date=rfcdate(2026, 11, 18, 20, 47, 5, -360),
        salutation="Dear Ms. Reyes,",
        paras=[
            "Thank you for letting me know about your decision, and for taking the time to "
            "call me personally. Although I am disappointed, I enjoyed meeting the finance "
            "team and learning about the move to a new ERP system.",
            "I would be grateful if you kept me in mind for future openings in the accounting "
            "department. I will keep building my experience with hospital cost reporting in "
            "the meantime.",
            "Thank you again for your consideration.",
        ],
        closing="Best regards,",
        sig=["Jordan Ellis"],
    )
    quoted = [
        "Hi Jordan,", "",
        "Thank you for taking the time to interview for the Senior Accountant position. "
        "The panel enjoyed meeting you and agreed you are a real team player with strong "
        "communication skills.", "",
        "After careful consideration, we have decided to move forward with another candidate "
        "whose experience more closely matches our needs right now. If you would like feedback, "
        "just reply and I will set up a quick call ASAP!!", "",
        "Cheers,", "Dana Reyes", "Talent Acquisition Partner | Harborview Health",
    ]
    attr1 = f"On Tue, Nov 17, 2026 at 9:14{NNBSP}AM Dana Reyes <dana.reyes@harborviewhealth.org>"
    B = "000000000000f3a91b0623e7c2d4"
    lines = n.body_lines() + ["", attr1, "wrote:", ""] + quote_lines(quoted) + [""]
    text = qp(plain_lines_text(lines).encode()).decode()
    qh = gmail_div_html(quoted)
    htm = (gmail_div_html(n.body_lines()) + '<br><div class="gmail_quote gmail_quote_container">'
           f'<div dir="ltr" class="gmail_attr">On Tue, Nov 17, 2026 at 9:14{NNBSP}AM Dana Reyes &lt;<a '
           'href="mailto:dana.reyes@harborviewhealth.org">dana.reyes@harborviewhealth.org</a>&gt; '
           'wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;'
           'border-left:1px solid rgb(204,204,204);padding-left:1ex">' + qh + "</blockquote></div>\n")
    htm = qp(htm.encode()).decode()
    body = f"""--{B}
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{text}
--{B}
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{htm}
--{B}--
"""
    ref = "<BN8PR04MB6210C3A1F0E2D9B47A5C3E18D21A9@BN8PR04MB6210.namprd04.prod.outlook.com>"
    hdr = f"""MIME-Version: 1.0
References: {ref}
In-Reply-To: {ref}
From: Jordan Ellis <jordan.ellis.cpa@gmail.com>
Date: {n.date}
Message-ID: <CAH8mVq1x4Zc0TnR5pJ2bW7kYs9dLf3gEu6oNa8iXh1QwB4rMzK@mail.gmail.com>
Subject: {n.subject}
To: {n.to}
Content-Type: multipart/alternative; boundary="{B}\""""
    write_pair("gmail-reply", "eml", eml(hdr, body), n,
               "Gmail reply, multipart/alternative QP: the reply above the attribution, which "
               "Gmail's text part breaks over two lines (`On Tue, Nov 17, 2026 at 9:14 AM Dana Reyes "
               "<…>` / `wrote:`) with U+202F (narrow no-break space, =E2=80=AF) before AM; then `> ` "
               "quoted recruiter mail containing bait (team player, strong communication skills, ASAP, "
               "!!, Cheers,). HTML part: gmail_quote div + blockquote.",
               ["closing.familiarity=Best regards,", "contact.missing=Jordan Ellis"])


def eml_outlook_reply():
    n = Note(
        subject="RE: Interview Confirmation - Financial Analyst",
        to="\"'Vikram Patel'\" <vpatel@redwoodanalytics.com>",
        date=rfcdate(2026, 11, 24, 9, 12, 44, -480),
        salutation="Dear Mr. Patel,",
        paras=[
            "I hope your week is going well. I am following up on my interview on November 16 "
            "for the Financial Analyst position.",
            "I am VERY interested in joining the planning team. Has the team made a decision "
            "yet? Is there anything else I can send to help?",
            "Thank you for your time.",
        ],
        closing="Regards,",
        sig=["Hannah Cho", "(415) 555-0132"],
    )
    quoted = [
        "-----Original Message-----",
        "From: Vikram Patel <vpatel@redwoodanalytics.com> ",
        "Sent: Friday, November 13, 2026 4:48 PM",
        "To: Hannah Cho <hannah.cho@outlook.com>",
        "Subject: Interview Confirmation - Financial Analyst",
        "",
        "Hi Hannah,",
        "",
        "This confirms your interview for the Financial Analyst position on Monday, November 16 "
        "at 10:00 AM in our Oakland office. Please reply ASAP to confirm. Will you need parking? "
        "Do you have any questions about the format?",
        "",
        "Thanks,",
        "Vikram",
        "",
        "Vikram Patel",
        "Senior Manager, FP&A | Redwood Analytics",
    ]
    lines = wrap_lines(n.body_lines() + [""] + quoted, 76)
    body = plain_lines_text(lines)
    hdr = f"""From: "Hannah Cho" <hannah.cho@outlook.com>
To: {n.to}
References: <002f01db5583$1c7e9a40$557bcec0$@redwoodanalytics.com>
In-Reply-To: <002f01db5583$1c7e9a40$557bcec0$@redwoodanalytics.com>
Subject: {n.subject}
Date: {n.date}
Message-ID: <000d01db5e8c$4a2b3c10$de6db430$@outlook.com>
MIME-Version: 1.0
Content-Type: text/plain;
\tcharset="us-ascii"
Content-Transfer-Encoding: 7bit
X-Mailer: Microsoft Outlook 16.0
Thread-Index: AQHbXoxKgW3d2Z1cQ0yE7v9oR6xYbA==
Content-Language: en-us"""
    write_pair("outlook-reply", "eml", eml(hdr, body), n,
               "Classic Outlook 16 in plain-text mode: text/plain us-ascii 7bit, body hard-wrapped "
               "at 76 columns, To with Outlook's `\"'Vikram Patel'\"` quoting; reply above an "
               "unprefixed `-----Original Message-----` block (From line with trailing space, Sent:, "
               "To:, Subject:) whose text has bait (ASAP, two questions).",
               ["style.shouting=VERY", "inquiry.multiple-questions=Has the team…? Is there…?"])


def eml_outlook_fromsent():
    n = Note(
        subject="RE: Interview schedule - Operations Coordinator",
        to="Chinwe Okafor <c.okafor@meridianfreight.com>",
        date=rfcdate(2026, 11, 19, 1, 7, 33, 0),
        salutation="Dear Ms. Okafor,",
        paras=[
            "Thank you for meeting with me yesterday to discuss the Operations Coordinator role "
            "at Meridian Freight. I enjoyed the walk through the cross-dock and hearing how your "
            "team plans to add a second shift in the spring.",
            "As a detail-oriented coordinator, I kept our dock schedule at 98 percent on time for "
            "two years at Lakeshore Supply. I have attached my resume with the updated references "
            "you asked for.",
            "Thank you again for your time and for the tour.",
        ],
        closing="Sincerely,",
        sig=["Diego Fernández", "(312) 555-0177"],
    )
    qhead = [
        "From: Chinwe Okafor <c.okafor@meridianfreight.com>",
        "Sent: Wednesday, November 18, 2026 10:31 AM",
        "To: Diego Fernandez <diego.fernandez@outlook.com>",
        "Subject: Interview schedule - Operations Coordinator",
    ]
    qbody = [
        "Hi Diego,",
        "",
        "Great to hear from you. You're all set for Wednesday, November 18 at 2:00 PM at our Elk "
        "Grove Village terminal. Ask for me at the front desk.",
        "",
        "Please bring a copy of your resume; no need to send anything ahead of time. We're "
        "looking for a real team player who can keep the dock moving!!",
        "",
        "Cheers,",
        "Chinwe",
        "",
        "Chinwe Okafor",
        "Operations Manager | Meridian Freight",
    ]
    B = "_000_SJ0PR19MB71564E2A8C3D9F1B0A7E6D54C8B2A19ESJ0PR19MB7156namp_"
    lines = n.body_lines() + ["", "________________________________"] + qhead + [""] + qbody
    text = qp(plain_lines_text(lines).encode("iso-8859-1")).decode("ascii")
    style = ('font-family: Aptos, Aptos_EmbeddedFont, Aptos_MSFontService, Calibri, Helvetica, '
             'sans-serif; font-size: 12pt; color: rgb(0, 0, 0);')

    def e(s):
        return html.escape(s, quote=False)
    hl = ['<html>', '<head>',
          '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">',
          '<style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style>',
          '</head>', '<body dir="ltr">']
    for ln in n.body_lines():
        hl.append(f'<div class="elementToProof" style="{style}">')
        hl.append((e(ln) if ln else "<br>") + "</div>")
    hl += ['<div id="appendonsend"></div>',
           '<hr style="display:inline-block;width:98%" tabindex="-1">',
           '<div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" '
           'color="#000000"><b>From:</b> Chinwe Okafor &lt;c.okafor@meridianfreight.com&gt;<br>',
           '<b>Sent:</b> Wednesday, November 18, 2026 10:31 AM<br>',
           '<b>To:</b> Diego Fernandez &lt;diego.fernandez@outlook.com&gt;<br>',
           '<b>Subject:</b> Interview schedule - Operations Coordinator</font>',
           '<div>&nbsp;</div>', '</div>',
           '<div class="x_elementToProof" style="font-family:Calibri,Arial,Helvetica,sans-serif; '
           'font-size:11pt; color:rgb(0,0,0)">']
    for ln in qbody:
        hl.append((e(ln) if ln else "<br>") + "<br>")
    hl += ['</div>', '</body>', '</html>', '']
    htm = qp("\n".join(hl).encode("iso-8859-1")).decode("ascii")
    body = f"""--{B}
Content-Type: text/plain; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

{text}
--{B}
Content-Type: text/html; charset="iso-8859-1"
Content-Transfer-Encoding: quoted-printable

{htm}
--{B}--
"""
    hdr = f"""From: Diego Fernandez <diego.fernandez@outlook.com>
To: {n.to}
Subject: {n.subject}
Thread-Topic: Interview schedule - Operations Coordinator
Thread-Index: AQHbWk3rT8nqYcD0S0W2lZf0cKq1HbR6Xy0z
Date: {n.date}
Message-ID:
 <SJ0PR19MB71564E2A8C3D9F1B0A7E6D54C8B2A19E@SJ0PR19MB7156.namprd19.prod.outlook.com>
References:
 <CH3PR11MB87520D4F6B2A9C1E83D7F05AB9C62@CH3PR11MB8752.namprd11.prod.outlook.com>
In-Reply-To:
 <CH3PR11MB87520D4F6B2A9C1E83D7F05AB9C62@CH3PR11MB8752.namprd11.prod.outlook.com>
Accept-Language: en-US
Content-Language: en-US
X-MS-Has-Attach:
X-MS-TNEF-Correlator:
msip_labels:
Content-Type: multipart/alternative;
\tboundary="{B}"
MIME-Version: 1.0"""
    write_pair("outlook-fromsent", "eml", eml(hdr, body), n,
               "Outlook on the web (Exchange Online): multipart/alternative, boundary `_000_…namp_`, "
               "both parts charset iso-8859-1 quoted-printable (á = =E1), Message-ID folded onto its "
               "own line; reply above a `________________________________` line and an unprefixed "
               "From:/Sent:/To:/Subject: block (HTML: divRplyFwdMsg) whose text has bait (team player, "
               "!!, Cheers,, 'a copy of your resume').",
               ["cliche.soft-skill=detail-oriented", "attachment.missing=I have attached my resume"])


def eml_outlookcom_rfc2047():
    n = Note(
        subject="Thank You – Junior Architect Interview",
        to="Renée Beaulieu <rbeaulieu@atelierforme.ca>",
        date=rfcdate(2026, 11, 18, 19, 26, 50, 0),
        salutation="Dear Ms. Beaulieu,",
        paras=[
            "Thank you for meeting with me this afternoon about the Junior Architect position at "
            "Atelier Forme. I enjoyed seeing the timber models for the Verdun library and hearing "
            "how the studio balances community workshops with tight deadlines.",
            "Our discussion of passive house detailing reminded me of my thesis project, where I "
            "modelled a mass-timber school envelope in Revit and tested it against the Passive "
            "House standard. I would be glad to bring that experience to the Verdun project.",
            "Thank you again for your time. You can reach me at (514) 555-0136 or "
            "aisha.rahman@hotmail.com.",
        ],
        closing="Sincerely,",
        sig=["Aisha Rahman"],
    )
    B = "_000_DM6PR08MB59147A3C2E1F0B9D8C6A4E21F7B3DM6PR08MB5914namp_"
    lines = n.body_lines() + ["", "Get Outlook for Android<https://aka.ms/AAb9ysg>", ""]
    text = qp(plain_lines_text(lines).encode()).decode()
    inner = "".join(
        f'<div dir="auto">{html.escape(ln, quote=False) if ln else "<br>"}</div>'
        for ln in n.body_lines())
    htm = ('<html>\n<head>\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\n'
           '</head>\n<body>\n' + inner + '\n<div dir="auto"><br></div>\n'
           '<div id="ms-outlook-mobile-signature"><div><br></div>Get '
           '<a href="https://aka.ms/AAb9ysg">Outlook for Android</a></div>\n</body>\n</html>\n')
    htm = qp(htm.encode()).decode()
    body = f"""--{B}
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

{text}
--{B}
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

{htm}
--{B}--
"""
    hdr = f"""From: Aisha Rahman <aisha.rahman@hotmail.com>
To: {ew_q('Renée Beaulieu')} <rbeaulieu@atelierforme.ca>
Subject: {ew_q('Thank You – Junior ')}
 {ew_q('Architect Interview')}
Thread-Topic: {ew_q('Thank You – Junior ')}
 {ew_q('Architect Interview')}
Thread-Index: AQHbWcE2pQ7dN8sK2EmXhT4rL0yVfA==
Date: {n.date}
Message-ID:
 <DM6PR08MB59147A3C2E1F0B9D8C6A4E21F7B3@DM6PR08MB5914.namprd08.prod.outlook.com>
Accept-Language: en-US
Content-Language: en-US
X-MS-Has-Attach:
X-MS-TNEF-Correlator:
Content-Type: multipart/alternative;
\tboundary="{B}"
MIME-Version: 1.0"""
    write_pair("outlookcom-rfc2047", "eml", eml(hdr, body), n,
               "Outlook.com via Outlook for Android: Subject folded over two lines as two adjacent "
               "=?UTF-8?Q?…?= words (the folding space between them must vanish: 'Junior Architect', "
               "not 'Junior  Architect'), To display name =?UTF-8?Q?Ren=C3=A9e_Beaulieu?=; "
               "multipart/alternative QP; `Get Outlook for Android<https://aka.ms/AAb9ysg>` footer.",
               [])


def eml_proton_b():
    n = Note(
        subject="Following up – Backend Engineer Interview",
        to="Björn Håkansson <bjorn.hakansson@fjordcloud.se>",
        date=rfcdate(2026, 11, 30, 8, 15, 27, 0),
        salutation="Dear Mr. Håkansson,",
        paras=[
            "I hope you are doing well. I am following up on my interview on November 19 for the "
            "Backend Engineer position at Fjord Cloud.",
            "I enjoyed our conversation about moving the billing service to event sourcing, and I "
            "remain very interested in the role. Is there any update on the timeline for a "
            "decision?",
            "Thank you for your time.",
        ],
        closing="Kind regards,",
        sig=["Lena Vogel", "lena.vogel@proton.me"],
    )
    B = "b1_Hq7Xz2Lw9nKp4sVt6RcYd8Jm3Fa0Ge5Ub1Ni"
    footer = "Sent with [Proton Mail](https://proton.me/mail/home) secure email."
    lines = n.body_lines() + ["", footer]
    text = qp(plain_lines_text(lines).encode()).decode()
    inner = "".join(f"<div>{html.escape(ln, quote=False) if ln else '<br>'}</div>"
                    for ln in n.body_lines())
    htm = ('<div style="font-family: Arial, sans-serif; font-size: 14px;">' + inner + '</div>'
           '<div style="font-family: Arial, sans-serif; font-size: 14px;"><br></div>\n'
           '<div class="protonmail_signature_block" style="font-family: Arial, sans-serif; '
           'font-size: 14px;">\n    <div class="protonmail_signature_block-proton">\n'
           '        Sent with <a target="_blank" href="https://proton.me/mail/home">Proton Mail</a> '
           'secure email.\n    </div>\n</div>\n')
    htm_b = b64(crlf_text(htm).encode()).decode()
    subj1, subj2 = "Following up – Backend ", "Engineer Interview"
    body = f"""--{B}
Content-Transfer-Encoding: quoted-printable
Content-Type: text/plain; charset=utf-8

{text}
--{B}
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: base64

{htm_b}

--{B}--
"""
    hdr = f"""Date: {n.date}
To: {ew_q('Björn Håkansson', 'utf-8')} <bjorn.hakansson@fjordcloud.se>
From: Lena Vogel <lena.vogel@proton.me>
Subject: {ew_b(subj1)}
 {ew_b(subj2)}
Message-ID: <GmH3wX5x_Ec7kq2kG4F9nQ1d8vR0tYzP6bL-AuJsKoWcNe3iTfMhD7yXpVqS2aB=@proton.me>
Feedback-ID: 82736451:user:proton
X-Pm-Message-ID: 9f2c4e1a7b3d5f60c8e2a4b6d1f3e5a7c9b0d2e4
MIME-Version: 1.0
Content-Type: multipart/alternative;
 boundary="{B}\""""
    write_pair("proton-rfc2047-b", "eml", eml(hdr, body), n,
               "Proton Mail: Subject as two folded =?utf-8?B?…?= words (split at a character "
               "boundary after the en dash), To display name Q-encoded (Björn Håkansson); "
               "text/plain QP + text/html base64; footer `Sent with [Proton Mail](…) secure email.`.",
               [])


def eml_zoho_html_only():
    n = Note(
        subject="Thank you",
        to="\"Meera Iyer\" <meera.iyer@kaveribiotech.in>",
        date=rfcdate(2026, 11, 17, 11, 20, 45, 330),
        salutation="Hello Ms. Iyer,",
        paras=[
            "Thank you for speaking with me on Monday about the Research & Development Associate "
            "position at Kaveri Biotech. I enjoyed hearing about the new enzyme stability lab and "
            "the plans to scale the assay work next year.",
            "I am a people person, and I also bring three years of HPLC method development at "
            "Sunrise Pharma, where I cut sample run time by 20 percent.",
            "Thank you again for your time. I look forward to hearing from you.",
        ],
        closing="Regards,",
        sig=["Arjun Mehta", "+91 98450 12345"],
    )

    def e(s):
        s = html.escape(s, quote=False)
        # Zoho keeps a typed double space as '&nbsp; '
        return s.replace("Kaveri Biotech. I", "Kaveri Biotech.&nbsp; I")
    divs = "".join(f"<div>{e(ln) if ln else ''}<br></div>" for ln in n.body_lines())
    htm = ('<!DOCTYPE html><html><head><meta content="text/html;charset=UTF-8" '
           'http-equiv="Content-Type"></head><body ><div style="font-family: Verdana, Arial, '
           'Helvetica, sans-serif; font-size: 10pt;">' + divs + '<div><br></div></div><br></body></html>')
    body = qp((htm + "\n").encode()).decode()
    hdr = f"""Date: {n.date}
From: Arjun Mehta <arjun.mehta@zohomail.in>
To: {n.to}
Message-Id: <1932f0a4c5d.6b7e2f1a98c3d4e5.4829173650192837465@zohomail.in>
Subject: {n.subject}
MIME-Version: 1.0
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable
Importance: Medium
User-Agent: Zoho Mail
X-Mailer: Zoho Mail"""
    write_pair("zoho-html-only", "eml", eml(hdr, body), n,
               "Zoho Mail: a single text/html part (no text/plain), QP, the whole document on one "
               "logical line split by soft breaks; <div>…<br></div> per line, empty <div><br></div> "
               "for blank lines, `&amp;` in 'Research & Development', `&nbsp; ` after a sentence.",
               ["subject.vague=Subject: Thank you", "cliche.soft-skill=people person"])


def eml_samsung_base64():
    n = Note(
        subject="Re: Retail Store Manager position",
        to="Maria Alvarez <malvarez@summitoutdoor.com>",
        date=rfcdate(2026, 11, 25, 9, 5, 32, -420),
        salutation="Dear Ms. Alvarez,",
        paras=[
            "Thank you for letting me know about your decision, and for the time you and Mr. Keller "
            "spent with me last week. Although I am disappointed, I enjoyed learning about the new "
            "Boulder store and the rental program you are planning for the spring.",
            "Thank you again for the opportunity.",
        ],
        closing="Best,",
        sig=["Tyrone"],
    )
    B = "--_com.samsung.android.email_1290184733561247"
    orig = [
        "-------- Original message --------",
        "From: Maria Alvarez <malvarez@summitoutdoor.com> ",
        "Date: 11/24/26  4:10 PM  (GMT-07:00) ",
        "To: tyronejackson88@gmail.com ",
        "Subject: Retail Store Manager position ",
        "",
        "Dear Tyrone,",
        "",
        "Thank you for interviewing for the Retail Store Manager position. After careful thought "
        "we have decided to move forward with another candidate.",
        "",
        "We will keep your application on file and encourage you to apply again.",
        "",
        "Best regards,",
        "Maria Alvarez",
        "District Manager, Summit Outdoor Co.",
    ]
    lines = n.body_lines() + ["", "", "", "Sent from my Galaxy", "", "", ""] + orig + [""]
    text_b = b64(crlf_text("\n".join(lines)).encode()).decode()
    ohtml = "".join(f'<div>{html.escape(ln, quote=False) if ln else "<br>"}</div>' for ln in orig[6:])
    htm = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head>'
           '<body>' + "".join(f'<div dir="auto">{html.escape(ln, quote=False) if ln else "<br>"}</div>'
                              for ln in n.body_lines())
           + '<div dir="auto"><br></div><div dir="auto"><br></div><div id="composer_signature" '
           'dir="auto"><div style="font-size:85%;color:#575757" dir="auto">Sent from my Galaxy</div>'
           '</div><div dir="auto"><br></div><div style="font-size:100%;color:#000000"><!-- '
           'originalMessage --><div>-------- Original message --------</div><div>From: Maria Alvarez '
           '&lt;malvarez@summitoutdoor.com&gt; </div><div>Date: 11/24/26  4:10 PM  (GMT-07:00) </div>'
           '<div>To: tyronejackson88@gmail.com </div><div>Subject: Retail Store Manager position </div>'
           '<div><br></div></div>' + ohtml + '</body></html>')
    htm_b = b64(crlf_text(htm).encode()).decode()
    body = f"""--{B}
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: base64

{text_b}

--{B}
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: base64

{htm_b}

--{B}--

"""
    hdr = f"""Message-ID: <x8k2v7q0bt3m9nlp4w6rzc1a.1764086732418@email.android.com>
Date: {n.date}
Subject: {n.subject}
From: Tyrone Jackson <tyronejackson88@gmail.com>
To: {n.to}
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="{B}\""""
    write_pair("samsung-base64", "eml", eml(hdr, body), n,
               "Samsung Email (Android): multipart/alternative, boundary `--_com.samsung.android."
               "email_…` (so delimiters start with four dashes), both parts base64 at 76 columns "
               "(CRLF inside the base64); `Sent from my Galaxy` footer, then Samsung's `-------- "
               "Original message --------` block (trailing spaces, `Date: 11/24/26  4:10 PM  "
               "(GMT-07:00)`) with the recruiter's rejection ('Best regards,' as bait).",
               ["rejection.keep-on-file=(no request; the quoted original's 'keep your application on file' must not count)", "contact.missing=Tyrone", "signature.full-name=Tyrone"])


def fake_pdf() -> bytes:
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        None,
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    stream = b"BT /F1 18 Tf 72 770 Td (Lebenslauf - Juergen Boehm) Tj ET\n"
    objs[3] = b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream"
    out = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for o in offs:
        out += b"%010d 00000 n \n" % o
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return out


def eml_pdf_attachment():
    fname = "Lebenslauf Jürgen.pdf"
    n = Note(
        subject="Thank You – Mechanical Design Engineer Interview",
        to="Katarina Wolff <k.wolff@helix-robotics.de>",
        date=rfcdate(2026, 11, 20, 16, 40, 9, 60),
        attachments=[fname],
        salutation="Dear Ms. Wolff,",
        paras=[
            "Thank you for showing me around the Helix Robotics workshop today and for the "
            "detailed conversation about the Mechanical Design Engineer role. I enjoyed seeing the "
            "new gripper prototypes and hearing how your team moves from CAD to test rig in under "
            "a week.",
            "I am a hard worker, and at Brandt Automation I redesigned a pick-and-place arm in "
            "SolidWorks that was 30 percent lighter. As promised, I have attached my resume with "
            "the project list we discussed.",
            "Thank you again for your time. I look forward to hearing from you.",
        ],
        closing="Best wishes,",
        sig=["Jürgen Böhm", "+49 30 1234 5678 | juergen.boehm@posteo.de"],
    )
    B = "------------7tQ3wYk9Nf2Lr5Zb8Hc1Vx6M"
    text = plain_lines_text(flowed(n.body_lines()))
    q = urllib.parse.quote(fname.encode("utf-8"), safe="")
    pdf_b = b64(fake_pdf()).decode()
    body = f"""This is a multi-part message in MIME format.
--{B}
Content-Type: text/plain; charset=UTF-8; format=flowed
Content-Transfer-Encoding: 8bit

{text}
--{B}
Content-Type: application/pdf; name*=UTF-8''{q}
Content-Disposition: attachment; filename*=UTF-8''{q}
Content-Transfer-Encoding: base64

{pdf_b}

--{B}--
"""
    hdr = f"""Content-Type: multipart/mixed; boundary="{B}"
Message-ID: <e4c17b2a-93f0-4d5e-8a16-7b2f0c9d3e58@posteo.de>
Date: {n.date}
MIME-Version: 1.0
User-Agent: Mozilla Thunderbird
Content-Language: en-GB
To: {n.to}
From: {ew_q('Jürgen Böhm')} <juergen.boehm@posteo.de>
Subject: {ew_q(n.subject)}"""
    write_pair("pdf-attachment", "eml", eml(hdr, body), n,
               "Thunderbird multipart/mixed (preamble line): text/plain format=flowed 8bit (raw "
               "UTF-8 'Jürgen Böhm' in the signature) saying 'I have attached my resume', plus "
               "application/pdf with RFC 2231 name*=/filename*=UTF-8''Lebenslauf%20J%C3%BCrgen.pdf, "
               "a valid 1-page PDF base64 at 76 columns. attachment.missing must NOT fire.",
               ["cliche.soft-skill=hard worker"])


def eml_windows_1252():
    n = Note(
        subject="Thank You - Claims Adjuster Interview",
        to="\"Sean Gallagher\" <sgallagher@cedarpointins.com>",
        date=rfcdate(2026, 11, 19, 7, 31, 8, -300),
        salutation="Dear Mr. Gallagher,",
        paras=[
            "Thank you for meeting with me yesterday about the Claims Adjuster position at Cedar "
            "Point Insurance. I’m grateful for the time you spent explaining how your team handles "
            "storm season – it gave me a clear picture of the job.",
            "Your point about “listening first” stayed with me. In my three years at Lakeview Auto "
            "Body, I wrote more than 600 repair estimates and worked with adjusters from nine "
            "carriers, so I know how much a clear, fair estimate matters to a customer’s week.",
            "Thank you again for your time. I’d welcome the chance to continue the conversation at "
            "(216) 555-0193.",
        ],
        closing="Cordially,",
        sig=["Bridget O’Malley"],
    )
    lines = wrap_lines(n.body_lines(), 76)
    body = qp(plain_lines_text(lines).encode("cp1252")).decode("ascii")
    hdr = f"""From: "Bridget O'Malley" <bomalley@comcast.net>
To: {n.to}
Subject: {n.subject}
Date: {n.date}
Message-ID: <001a01db5a3f$8c2e4d70$a48ae850$@comcast.net>
MIME-Version: 1.0
Content-Type: text/plain;
\tcharset="windows-1252"
Content-Transfer-Encoding: quoted-printable
X-Mailer: Microsoft Outlook 14.0
Thread-Index: Adla3/Mv2h8kR0nTQ4eL7cW1xP9sBg==
Content-Language: en-us"""
    write_pair("windows-1252", "eml", eml(hdr, body), n,
               "Outlook 2010 plain text: charset=\"windows-1252\" quoted-printable, hard-wrapped at 76 "
               "then QP (lines that grow past 76 through escapes get soft breaks): ’ = =92, – = =96, "
               "“ ” = =93 =94, signature 'Bridget O=92Malley'.",
               ["closing.familiarity=Cordially,"])


def eml_forwarded():
    n = Note(
        subject="Follow-up – Marketing Coordinator Interview",
        to="Tom Whitaker <tom.whitaker@blueheronmedia.com>",
        date=rfcdate(2026, 11, 23, 9, 2, 18, -300),
        salutation="Dear Mr. Whitaker,",
        paras=[
            "I hope you had a good week. I am following up on my interview on November 12 for the "
            "Marketing Coordinator position, and I have forwarded my earlier note below for "
            "reference.",
            "I am still very excited about the role and the spring campaign for the aquarium. Is "
            "there any news on the timeline for a decision?",
            "Thank you for your time.",
        ],
        closing="Best,",
        sig=["Nadia Haddad", "nadia.haddad@gmail.com"],
    )
    fwd_hdr = [
        "---------- Forwarded message ---------",
        "From: Nadia Haddad <nadia.haddad@gmail.com>",
        f"Date: Fri, Nov 13, 2026 at 4:12{NNBSP}PM",
        "Subject: Thank you",
        "To: Tom Whitaker <tom.whitaker@blueheronmedia.com>",
    ]
    fwd_body = [
        "Hi Tom,", "",
        "Thanks so much for the interview!! I am a team player with strong communication skills "
        "and I'm gonna bring a lot of energy to the team.", "",
        "Cheers,", "Nadia",
    ]
    B = "000000000000a4d7e90624b1c3f8"
    lines = n.body_lines() + ["", "---------- Forwarded message ---------"] + fwd_hdr[1:] + ["", ""] \
        + fwd_body + [""]
    text = qp(plain_lines_text(lines).encode()).decode()
    htm = (gmail_div_html(n.body_lines()) + '<br><div class="gmail_quote gmail_quote_container">'
           '<div dir="ltr" class="gmail_attr">---------- Forwarded message ---------<br>From: '
           '<strong class="gmail_sendername" dir="auto">Nadia Haddad</strong> <span dir="auto">&lt;'
           '<a href="mailto:nadia.haddad@gmail.com">nadia.haddad@gmail.com</a>&gt;</span><br>'
           f'Date: Fri, Nov 13, 2026 at 4:12{NNBSP}PM<br>Subject: Thank you<br>To: Tom Whitaker &lt;'
           '<a href="mailto:tom.whitaker@blueheronmedia.com">tom.whitaker@blueheronmedia.com</a>&gt;'
           '<br></div><br><br>' + gmail_div_html(fwd_body) + '\n</div>\n')
    htm = qp(htm.encode()).decode()
    body = f"""--{B}
Content-Type: text/plain; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{text}
--{B}
Content-Type: text/html; charset="UTF-8"
Content-Transfer-Encoding: quoted-printable

{htm}
--{B}--
"""
    ref = "<CAGv2rT8pXk3mN7qZ1bW5cJ0yLs4dHf9eUo6iKa2RgEt8MnVxQw@mail.gmail.com>"
    hdr = f"""MIME-Version: 1.0
References: {ref}
In-Reply-To: {ref}
From: Nadia Haddad <nadia.haddad@gmail.com>
Date: {n.date}
Message-ID: <CAGv2rT9Lq4wX8nB3kZ0cM6pJs1dHe7fUy5iOa2RgVt4NmKxYzA@mail.gmail.com>
Subject: {ew_q(n.subject)}
To: {n.to}
Content-Type: multipart/alternative; boundary="{B}\""""
    write_pair("forwarded", "eml", eml(hdr, body), n,
               "Gmail forward: status inquiry above `---------- Forwarded message ---------` "
               "(From/Date with U+202F before PM/Subject/To, two blank lines) and the writer's own "
               "earlier, sloppy thank-you (!!, team player, strong communication skills, gonna, "
               "Cheers, one-name signature) that must produce nothing; Subject Q-encoded for the en dash.",
               [])


def eml_iphone_footer():
    n = Note(
        subject="Thanks for today!",
        to="Lisa Moreno <lisa@oakandember.com>",
        date=rfcdate(2026, 11, 23, 17, 48, 20, -480),
        salutation="Hi Lisa,",
        paras=[
            "Thank you so much for meeting with me today! I loved hearing about the new sourdough "
            "program and the plan to open at 6 on weekends 🙂",
            "I have run the morning bake at Crumb & Co. for two years, so I am ready for early "
            "starts and a busy counter. I would love to be part of the team!",
            "Thank you again for your time. My number is (206) 555-0148 if you need anything else.",
        ],
        closing="Best,",
        sig=["Kenji Watanabe"],
    )
    lines = n.body_lines() + ["", "Sent from my iPhone"]
    body = qp(("\n".join(lines)).encode()).decode()
    hdr = f"""Content-Type: text/plain;
\tcharset=utf-8
Content-Transfer-Encoding: quoted-printable
From: Kenji Watanabe <kenji.watanabe@icloud.com>
Mime-Version: 1.0 (1.0)
Date: {n.date}
Subject: {n.subject}
Message-Id: <4C9E2B7A-1D3F-4A8B-9E6C-0F5D2A7B3C81@icloud.com>
To: {n.to}
X-Mailer: iPhone Mail (22B83)"""
    write_pair("iphone-footer", "eml", eml(hdr, body), n,
               "iPhone Mail: text/plain utf-8 QP (emoji 🙂 = =F0=9F=99=82), `Mime-Version: 1.0 (1.0)`, "
               "no final newline, `Sent from my iPhone` after a blank line at the end.",
               ["subject.vague=Thanks for today!", "style.emoji=🙂", "style.exclamation=second '!' (team!)"])


# ================================================================ Markdown forms

def strip_md(s):
    s = re.sub(r"\[([^\]]+)\]\([^)]+\)", r"\1", s)
    s = re.sub(r"\*\*([^*]+)\*\*", r"\1", s)
    s = re.sub(r"\*([^*]+)\*", r"\1", s)
    s = re.sub(r"`([^`]+)`", r"\1", s)
    s = re.sub(r" {2,}\n", "\n", s)
    return s


def md_pair(name, md_text, n, desc, expect):
    write_pair(name, "md", md_text.encode("utf-8"), n, desc, expect)


def md_front_matter_yaml():
    paras = [
        "Thank you for taking the time to meet with me on Monday about the Clinical Data "
        "Coordinator position at Brightlne Health. I enjoyed hearing how your team is moving the "
        "oncology trials to a single electronic data capture system.",
        "At Lakeside Research I managed data queries for four Phase II studies and closed 1,200 "
        "queries ahead of database lock. I would be glad to bring that experience to your "
        "migration.",
        "Thank you again for your time. You can reach me at (919) 555-0172 or grace.liu@gmail.com.",
    ]
    n = Note(
        front='company = "Brightline Health"\nposition = "Clinical Data Coordinator"\n'
              'interviewers = ["Dr. Okonkwo"]\ninterview_date = 2026-11-16T14:00:00-05:00\n'
              'candidate = "Grace Liu"',
        subject="Thank You – Clinical Data Coordinator Interview",
        to="Chidi Okonkwo <c.okonkwo@brightlinehealth.org>",
        date="Wed, 18 Nov 2026 10:15:00 -0500",
        salutation="Dear Dr. Okonkow,",
        paras=paras, closing="Sincerely,", sig=["Grace Liu"],
    )
    md = f"""---
company: Brightline Health
position: Clinical Data Coordinator
interviewers:
  - Dr. Okonkwo
interview_date: 2026-11-16T14:00:00-05:00
candidate: Grace Liu
---
Subject: {n.subject}
To: {n.to}
Date: {n.date}

{n.salutation}

{paras[0]}

{paras[1]}

{paras[2]}

{n.closing}
{n.sig[0]}
"""
    md_pair("front-matter-yaml", md, n,
            "Markdown with `---` YAML front matter (company, position, interviewers list, "
            "interview_date timestamp, candidate), then Subject/To/Date lines; twin carries the same "
            "context as +++ TOML. Date is ~44 h after the interview.",
            ["timing.thank-you-late=Date (44 h after)", "salutation.name-mismatch=Okonkow, did you mean Okonkwo", "company.name-mismatch=Brightlne Health"])


def md_front_matter_toml():
    front = ('kind = "status-inquiry"\ncompany = "Tidewater Bank"\n'
             'position = "Branch Operations Analyst"\ninterviewers = ["Ms. Brennan"]\n'
             'interview_date = 2026-11-18T10:30:00-05:00\nreply_expected_by = 2026-11-27')
    mdp = [
        "I hope you had a good weekend. I am following up on my interview on November 18 for the "
        "Branch Operations Analyst position at Tidewater Bank.",
        "I enjoyed our conversation about *consolidating the branch cash reports*, and I remain "
        "very interested in the role. Is there any update on the hiring timeline?",
        "Thank you for your time.",
    ]
    n = Note(front=front,
             subject="Following Up – Branch Operations Analyst Interview",
             to="Colleen Brennan <cbrennan@tidewaterbank.com>",
             date="Mon, 23 Nov 2026 08:45:00 -0500",
             salutation="Dear Ms. Brennan,", paras=[strip_md(p) for p in mdp],
             closing="Sincerely,", sig=["Samuel Adeyemi", "(757) 555-0118"])
    md = (f"+++\n{front}\n+++\nSubject: {n.subject}\nTo: {n.to}\nDate: {n.date}\n\n"
          f"{n.salutation}\n\n" + "\n\n".join(mdp) + f"\n\n{n.closing}  \n{n.sig[0]}  \n{n.sig[1]}\n")
    md_pair("front-matter-toml", md, n,
            "Markdown with `+++` TOML front matter (kind, company, position, interviewers, "
            "interview_date, reply_expected_by), *emphasis*, closing and signature lines ending in "
            "two-space hard breaks. Sent 5 days after the interview and before reply_expected_by.",
            ["timing.inquiry-too-soon=Date (5 days after, before reply_expected_by)"])


def md_bold_subject():
    mdp = [
        "Thank you for the opportunity to interview for the **Sales Development Representative** "
        "position at Crescent Software on Thursday. I enjoyed learning how your team qualifies "
        "leads for the mid-market sales group.",
        "I am a self-starter, and in my first year at Brightpath Telecom I booked 140 meetings "
        "from cold outreach, the most on my team.",
        "Thank you again for your time. You can reach me at (480) 555-0105 or "
        "olivia.martin@outlook.com.",
    ]
    n = Note(subject="Thank You – Sales Development Representative Interview",
             salutation="Dear Hiring Manager,", paras=[strip_md(p) for p in mdp],
             closing="Sincerely,", sig=["Olivia Martin"])
    md = (f"**Subject:** {n.subject}\n\n{n.salutation}\n\n" + "\n\n".join(mdp)
          + f"\n\n{n.closing}\\\n{n.sig[0]}\n")
    md_pair("bold-subject", md, n,
            "Markdown: subject as a `**Subject:** …` line; **bold** inside a paragraph; closing "
            "and name joined by a backslash hard break.",
            ["salutation.generic=Dear Hiring Manager,", "cliche.soft-skill=self-starter"])


def md_heading_subject():
    paras = [
        "Thank you for meeting with me on Tuesday to talk about the Warehouse Supervisor position "
        "at Ridgeway Distribution. I appreciated the tour of the new pick module and hearing about "
        "your plans for the holiday peak.",
        "I have led a 25-person night shift for three years and kept our safety record clean for "
        "700 straight days. I would be glad to bring that focus to Ridgeway.",
        "Thank you again for your time.",
    ]
    n = Note(subject="Thank You – Warehouse Supervisor Interview",
             salutation="Dear Mr. Dawson,", paras=paras, closing="Thx,", sig=["Luis"])
    md = (f"# {n.subject}\n\n{n.salutation}\n\n" + "\n\n".join(paras)
          + f"\n\n{n.closing}\n{n.sig[0]}\n")
    md_pair("heading-subject", md, n,
            "Markdown: subject as the first `# …` ATX heading; closing and name as one Markdown "
            "paragraph joined by a soft line break.",
            ["closing.unprofessional=Thx,", "contact.missing=Luis", "signature.full-name=Luis"])


def md_links_emphasis():
    mdp = [
        "Thank you for walking me through *Quanta Labs'* evaluation pipeline on Tuesday. I "
        "especially enjoyed our discussion of **drift detection** for the fraud models.",
        "Since we spoke, I cleaned up the notebook I mentioned and published it as "
        "[a short write-up](https://meichen.dev/notes/drift-detection) that compares "
        "`alibi-detect` with a simple population stability index.  \n"
        "It covers the three cases you raised:\n"
        "- seasonal shifts in card spending\n"
        "- a new merchant category\n"
        "- a change in upstream feature encoding",
        "Thank you again for your time. I would be glad to continue the conversation, and you can "
        "reach me at (650) 555-0187 or mei.chen@fastmail.com.",
    ]
    n = Note(subject="Thank You – Machine Learning Engineer Interview",
             to="Samira Farah <samira.farah@quantalabs.ai>",
             salutation="Dear Dr. Farah,", paras=[strip_md(p) for p in mdp],
             closing="Sincerely,", sig=["Mei Chen"])
    md = (f"Subject: {n.subject}\nTo: {n.to}\n\n{n.salutation}\n\n" + "\n\n".join(mdp)
          + f"\n\n{n.closing}\n{n.sig[0]}\n")
    md_pair("links-emphasis", md, n,
            "Markdown: *emphasis* (around `Quanta Labs'`), **bold**, an inline [link](https://…), "
            "`code`, a two-space hard break, and a `- ` bullet list that interrupts the paragraph "
            "(twin keeps the list lines inside the paragraph).",
            [])


def md_html_comment_pragma():
    paras = [
        "Thank you so much for letting me know, and for the kind feedback on my portfolio! I "
        "really enjoyed meeting the whole team at Aurora Events.",
        "I would love to be considered for future openings, especially on the wedding side! "
        "Please keep me in mind if a role comes up next season.",
        "Thank you again for your time and encouragement.",
    ]
    n = Note(front='disable = ["style.exclamation"]',
             subject="Re: Event Planner position",
             to="Erik Lindgren <erik@auroraevents.com>",
             salutation="Dear Mr. Lindgren,", paras=paras, closing="Sincerely,",
             sig=["Zoe Papadopoulos", "zoe.papadopoulos@gmail.com | (305) 555-0190"])
    md = (f"Subject: {n.subject}\nTo: {n.to}\n\n{n.salutation}\n\n"
          "<!-- followup-lint: disable style.exclamation -->\n"
          + "\n\n".join(paras) + f"\n\n{n.closing}  \n{n.sig[0]}  \n{n.sig[1]}\n")
    md_pair("html-comment-pragma", md, n,
            "Markdown: `<!-- followup-lint: disable style.exclamation -->` on the line before the "
            "first paragraph (an HTML block), two '!' in the body; twin suppresses through front "
            "matter `disable = [\"style.exclamation\"]` (a .txt body takes no pragma).",
            [])


# ================================================================ HTML forms

def html_gmail_compose():
    n = Note(salutation="Dear Mr. Whitfield and Ms. Duarte,",
             paras=[
                 "Thank you both for meeting with me this morning about the Leasing Consultant "
                 "position at Pinecrest Realty. I enjoyed hearing how the team handled the lease-up "
                 "at the Riverside building last summer.",
                 "My two years at Alder Property Group taught me to keep prospects moving from tour "
                 "to signed lease, and I closed 85 percent of the tours I led last year.",
                 "Thank you again for your time. I look forward to hearing from you.",
             ],
             closing="Sincerely,",
             sig=["Ethan Brooks", "(503) 555-0161 | ethan.brooks@gmail.com"])
    body = [n.salutation, ""]
    for p in n.paras:
        body += [p, ""]
    body += [n.closing, ""]
    h = gmail_div_html(body)[:-len("</div>")]
    h += ('<span class="gmail_signature_prefix">-- </span><br><div dir="ltr" class="gmail_signature" '
          'data-smartmail="gmail_signature"><div dir="ltr"><div>Ethan Brooks</div><div>(503) 555-0161 '
          '| <a href="mailto:ethan.brooks@gmail.com" target="_blank">ethan.brooks@gmail.com</a></div>'
          '</div></div></div>\n')
    write_pair("gmail-compose", "html", h.encode(), n,
               "Gmail compose body HTML: `<div dir=\"ltr\">` with the first line as bare text, then a "
               "<div> per line, <div><br></div> for blank lines, `<span class=\"gmail_signature_prefix\">-- "
               "</span><br>` and a gmail_signature div with a mailto link. No headers (twin has none).",
               ["salutation.combined=Dear Mr. Whitfield and Ms. Duarte,"])


def word_wrap_src(s, width=76):
    return "\r\n".join(textwrap.wrap(s, width=width, break_long_words=False,
                                     break_on_hyphens=False))


def html_outlook_word():
    n = Note(salutation="Dear Ms. Castellanos,",
             paras=[
                 "Thank you for letting me know about your decision, and for the time you and "
                 "Mr. Osei spent with me on Friday. I enjoyed learning about the bridge "
                 "rehabilitation program and the firm’s work with rural counties.",
                 "I believe my strong communication skills would serve your project teams well, and "
                 "I would be grateful if you kept me in mind for future Project Coordinator openings.",
                 "Thank you again for the opportunity.",
             ],
             closing="Kind regards,",
             sig=["Catherine Moreau", "(614) 555-0157 | catherine.moreau@gmail.com"])
    head = """<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:w="urn:schemas-microsoft-com:office:word" xmlns:m="http://schemas.microsoft.com/office/2004/12/omml" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=windows-1252">
<meta name=Generator content="Microsoft Word 15 (filtered medium)">
<style><!--
/* Font Definitions */
@font-face
	{font-family:"Cambria Math";
	panose-1:2 4 5 3 5 4 6 3 2 4;}
@font-face
	{font-family:Calibri;
	panose-1:2 15 5 2 2 2 4 3 2 4;}
/* Style Definitions */
p.MsoNormal, li.MsoNormal, div.MsoNormal
	{margin:0in;
	font-size:11.0pt;
	font-family:"Calibri",sans-serif;
	mso-ligatures:standardcontextual;}
span.EmailStyle17
	{mso-style-type:personal-compose;
	font-family:"Calibri",sans-serif;
	color:windowtext;}
.MsoChpDefault
	{mso-style-type:export-only;
	font-size:11.0pt;}
@page WordSection1
	{size:8.5in 11.0in;
	margin:1.0in 1.0in 1.0in 1.0in;}
div.WordSection1
	{page:WordSection1;}
--></style><!--[if gte mso 9]><xml>
<o:shapedefaults v:ext="edit" spidmax="1026" />
</xml><![endif]--><!--[if gte mso 9]><xml>
<o:shapelayout v:ext="edit">
<o:idmap v:ext="edit" data="1" />
</o:shapelayout></xml><![endif]-->
</head>
<body lang=EN-US link="#0563C1" vlink="#954F72" style='word-wrap:break-word'>
<div class=WordSection1>
"""

    def e(s):
        return html.escape(s, quote=False)
    ps = []
    blank = "<p class=MsoNormal><o:p>&nbsp;</o:p></p>"
    ps.append(f"<p class=MsoNormal>{e(n.salutation)}<o:p></o:p></p>")
    for p in n.paras:
        ps.append(blank)
        ps.append(word_wrap_src(f"<p class=MsoNormal>{e(p)}<o:p></o:p></p>"))
    ps.append(blank)
    ps.append(f"<p class=MsoNormal>{e(n.closing)}<o:p></o:p></p>")
    for s in n.sig:
        ps.append(f"<p class=MsoNormal>{e(s)}<o:p></o:p></p>")
    doc = head + "\n".join(ps) + "\n</div>\n</body>\n</html>\n"
    data = doc.replace("\r\n", "\n").replace("\n", "\r\n").encode("cp1252")
    write_pair("outlook-web", "html", data, n,
               "Outlook/Word 'filtered medium' HTML as Outlook saves a message body: <html xmlns:o…>, "
               "<head> with meta charset=windows-1252 (raw 0x92 for ’), a <style><!-- … --></style> "
               "block, conditional <xml> comments, <p class=MsoNormal> per line with <o:p></o:p>, blank "
               "lines as <p class=MsoNormal><o:p>&nbsp;</o:p></p>, long paragraphs wrapped in the source "
               "at 76 columns, CRLF.",
               ["cliche.soft-skill=strong communication skills"])


TINY_ENT = {"’": "&rsquo;", "–": "&ndash;", "é": "&eacute;", "\u00a0": "&nbsp;"}


def tiny_esc(s):
    s = html.escape(s, quote=False)
    for k, v in TINY_ENT.items():
        s = s.replace(k, v)
    return s


def html_tinymce():
    n = Note(subject="Following up – Medical Billing Specialist Interview",
             salutation="Dear Ms. Thompson,",
             paras=[
                 "I hope you are well. I am following up on my interview on [interview date] for "
                 "the Medical Billing Specialist position at Lakeside Medical Group.",
                 "I’m still very interested in the role, especially the move to the new claims "
                 "system. Could you share an update on the hiring timeline?",
                 "Thank you for your time.",
             ],
             closing="Sincerely,", sig=["Imran Qureshi", "(847) 555-0129"])
    p0 = tiny_esc(n.paras[0]).replace("Medical Billing Specialist",
                                     "<strong>Medical Billing Specialist</strong>")
    ps = [f"<p>Subject: {tiny_esc(n.subject)}</p>", f"<p>{tiny_esc(n.salutation)}</p>", f"<p>{p0}</p>"]
    ps += [f"<p>{tiny_esc(p)}</p>" for p in n.paras[1:]]
    ps.append(f"<p>{tiny_esc(n.closing)}<br>{'<br>'.join(tiny_esc(s) for s in n.sig)}</p>")
    write_pair("tinymce", "html", ("\n".join(ps)).encode(), n,
               "TinyMCE output (fragment, no <html>): a <p> per paragraph joined by '\\n', named "
               "entities (&ndash; &rsquo;), <strong> around the position, closing and signature in one "
               "<p> split by <br>; the first <p> is a typed `Subject:` line; a template slot "
               "`[interview date]` left in.",
               ["placeholder.unfilled=[interview date]"])


def html_doctype():
    head = [["Amara Obi", "14 Elm Street", "Albany, NY 12203"],
            ["November 20, 2026"],
            ["Professor Erik Jensen", "Office of Admissions", "Northgate College",
             "200 College Avenue", "Troy, NY 12180"]]
    n = Note(head=head, salutation="Dear Professor Jensen,",
             paras=[
                 "Thank you for meeting with me on Wednesday about the Admissions Counselor "
                 "position. I enjoyed hearing how your office reaches first-generation students "
                 "through the Saturday campus visits.",
                 "As a peer mentor at Siena University, I guided more than forty first-year "
                 "students through their financial aid forms, and I would bring the same patience "
                 "to your families.",
                 "Thank you again for your time and consideration. Please reach me at "
                 "(518) 555-0143 with any questions.",
             ],
             closing="Sincerely,", sig=["Amara Obi"])

    def e(s):
        return html.escape(s, quote=False)
    body = []
    for blk in head:
        body.append("<p>" + "<br>\n".join(e(x) for x in blk) + "</p>")
    body.append(f"<p>{e(n.salutation)}</p>")
    body += [f"<p>{e(p)}</p>" for p in n.paras]
    body.append(f'<p>{e(n.closing)}<br>\n{e(n.sig[0])}</p>')
    doc = ("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
           "<title>Thank-you letter – Northgate College</title>\n"
           "<style>\n  body { font-family: Georgia, serif; max-width: 40em; margin: 2em auto; }\n"
           "  p { margin: 0 0 1em; }\n</style>\n</head>\n<body>\n" + "\n".join(body)
           + "\n</body>\n</html>\n")
    write_pair("doctype", "html", doc.encode(), n,
               "HTML5 document starting with <!DOCTYPE html>, <head> with <title> and <style> (to be "
               "dropped), a letter: sender block, date line and recipient block as <p> with <br>, "
               "then salutation, paragraphs, closing<br>name. Medium letter: no headers.",
               [])


def html_blockquote_reply():
    n = Note(salutation="Hi Jenna,",
             paras=[
                 "Thank you for the update, and for letting me know personally. I really enjoyed "
                 "the design test and talking with the team about the level editor.",
                 "Please keep me in mind for future openings on the Polaris Games design team. I "
                 "would love to stay in touch.",
                 "Thank you again for your time.",
             ],
             closing="Cheers,", sig=["Rafael Souza", "rafael.souza@gmail.com"])
    quoted = ["Hi Rafael,", "",
              "Thank you for interviewing with us for the Game Designer role. Everyone enjoyed "
              "your design test, and you are clearly a team player. Unfortunately, we have decided "
              "to go with a candidate with more live-ops experience.", "",
              "I hope our paths cross again!!", "",
              "Cheers,", "Jenna Park", "Recruiting | Polaris Games"]
    h = (gmail_div_html(n.body_lines()) + '<br><div class="gmail_quote gmail_quote_container">'
         f'<div dir="ltr" class="gmail_attr">On Thu, Nov 19, 2026 at 11:03{NNBSP}AM Jenna Park &lt;'
         '<a href="mailto:jenna.park@polarisgames.com">jenna.park@polarisgames.com</a>&gt; wrote:'
         '<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:'
         '1px solid rgb(204,204,204);padding-left:1ex">' + gmail_div_html(quoted)
         + '</blockquote></div>\n')
    write_pair("blockquote-reply", "html", h.encode(), n,
               "Gmail reply body HTML: the writer's divs, then <div class=\"gmail_quote\"> with the "
               "gmail_attr line (U+202F before AM, &lt;mailto link&gt;) and a <blockquote "
               "class=\"gmail_quote\"> holding the recruiter's mail (bait: team player, !!, Cheers,).",
               ["closing.unprofessional=Cheers,"])


# ================================================================ plain-text containers

def txt_pair(name, data: bytes, n, desc, expect):
    write_pair(name, "txt", data, n, desc, expect)


def txt_utf16le():
    n = Note(subject="Thank You – Business Analyst Interview",
             to="Hélène Lefèvre <helene.lefevre@borealconseil.ca>",
             date="Thu, 19 Nov 2026 09:10:00 -0500",
             salutation="Dear Ms. Lefèvre,",
             paras=[
                 "Thank you for meeting with me yesterday about the Business Analyst position at "
                 "Boréal Conseil. I enjoyed hearing how your team maps claims processes for the "
                 "provincial insurers.",
                 "In my last role I documented 35 workflows for a bank’s mortgage team and helped "
                 "cut approval time by a week. I would be happy to share examples from that work.",
                 "Thank you again for your time. You can reach me at (438) 555-0109.",
             ],
             closing="Best Regards,", sig=["François Dubois"])
    s = crlf_text(n.twin())
    txt_pair("utf16-bom", b"\xff\xfe" + s.encode("utf-16-le"), n,
             "Windows Notepad 'UTF-16 LE': BOM FF FE, CRLF line ends, accented names (Lefèvre, Boréal, "
             "François).", ["closing.familiarity=Best Regards,"])


def txt_utf16be():
    n = Note(subject="Following Up – Technical Writer Interview",
             to="Marco Rossi <marco.rossi@velainstruments.com>",
             date="Wed, 25 Nov 2026 14:30:00 +0100",
             salutation="Dear Mr. Rossi,",
             paras=[
                 "I hope you are well. I am writing to follow up on my interview on November 16 for "
                 "the Technical Writer position at Vela Instruments.",
                 "I enjoyed our discussion about rewriting the oscilloscope manuals for new users, "
                 "and I remain very interested in the role. Is there any news about the next steps?",
                 "Thank you for your time.",
             ],
             closing="Kind regards,", sig=["Yuki Tanaka", "yuki.tanaka@gmail.com"])
    txt_pair("utf16be-bom", b"\xfe\xff" + n.twin().encode("utf-16-be"), n,
             "UTF-16 BE with BOM FE FF and LF line ends (as macOS TextEdit saves 'Unicode (UTF-16)').",
             [])


def cp1252_note():
    return Note(subject="Thank You – Front Desk Supervisor Interview",
                to="Deirdre O’Brien <dobrien@harborlighthotels.com>",
                salutation="Dear Ms. O’Brien,",
                paras=[
                    "Thank you for meeting with me on Tuesday about the Front Desk Supervisor "
                    "position at Harbor Light Hotels. I’m glad I got to see the lobby renovation and "
                    "hear how your team handles the summer rush.",
                    "I’m a fast learner, and in two years at the Bayview Inn I trained eleven new "
                    "agents and cut check-in wait times in half.",
                    "Thank you again for your time. You can reach me at (401) 555-0163.",
                ],
                closing="Sincerely,", sig=["Sean Murphy"])


def txt_cp1252():
    n = cp1252_note()
    raw = crlf_text(n.twin()).encode("cp1252")
    off = next(i for i, b in enumerate(raw) if b >= 0x80)
    txt_pair("windows-1252-undeclared", raw, n,
             f"Notepad 'ANSI' (windows-1252), CRLF, nothing declared: – is 0x96 (first at byte offset "
             f"{off}, in the Subject line), ’ is 0x92. The container should give exactly ONE "
             f"input.encoding error (offset {off}, naming windows-1252 and how to declare it) and "
             f"nothing else; the UTF-8 twin gives the note's findings.",
             ["cliche.soft-skill=fast learner (twin only; container: input.encoding only)"])
    n2 = cp1252_note()
    raw2 = b'+++\r\nencoding = "windows-1252"\r\n+++\r\n' + raw
    txt_pair("windows-1252-declared", raw2, n2,
             "The same windows-1252 bytes with ASCII front matter `+++ / encoding = \"windows-1252\" "
             "/ +++` (CRLF). Twin omits the encoding key (it is UTF-8). Findings must equal the twin's.",
             ["cliche.soft-skill=fast learner"])


def txt_utf8_bom_crlf():
    n = Note(subject="Re: Paralegal Position",
             to="Tomasz Kowalski <tkowalski@stonebridgellp.com>",
             date="Mon, 23 Nov 2026 16:05:00 -0500",
             salutation="Dear Mr. Kowalski,",
             paras=[
                 "Thank you for letting me know about your decision. I appreciated meeting the "
                 "litigation team and learning about the firm’s pro bono clinic.",
                 "I wish you and the team all the best with the new office in Worcester.",
                 "Thank you again for your time and consideration.",
             ],
             closing="Sincerely,",
             sig=["Beatriz Almeida", "(617) 555-0175 | beatriz.almeida@gmail.com"])
    txt_pair("utf8-bom-crlf", b"\xef\xbb\xbf" + crlf_text(n.twin()).encode(), n,
             "UTF-8 with BOM EF BB BF and CRLF line ends (Windows Notepad 'UTF-8 with BOM').",
             ["rejection.keep-on-file=(no request to be kept in mind)"])


def txt_mixed_eol():
    n = Note(subject="Thank You – Office Manager Interview",
             to="Karen Wright <kwright@evergreendental.com>",
             date="Tue, 17 Nov 2026 08:05:00 -0800",
             salutation="Dear Ms. Wright,",
             paras=[
                 "Thank you for taking the time to meet with me yesterday about the Office Manager "
                 "position at Evergreen Dental. I enjoyed meeting Dr. Patel and hearing how the "
                 "practice has grown since the second office opened.",
                 "I have managed scheduling and billing for a three-dentist practice for four years, "
                 "and I would be glad to help with the switch to the new practice software. I have "
                 "attached my resume for your reference.",
                 "Thank you again for your time. I hope to hear from you soon.",
             ],
             closing="Sincerely,",
             sig=["Daniel Kim", "(425) 555-0137 | daniel.kim@outlook.com"])
    lines = n.twin().split("\n")[:-1]
    out = b""
    for i, ln in enumerate(lines):
        # header block and salutation written on Windows (CRLF), body edited on a Mac (LF),
        # signature pasted back on Windows (CRLF)
        eol = b"\r\n" if (i < 5 or i >= len(lines) - 3) else b"\n"
        out += ln.encode() + eol
    txt_pair("mixed-line-endings", out, n,
             "UTF-8, CRLF on the header block, salutation and signature lines, LF in between (a draft "
             "edited on two systems); last line ends with CRLF.",
             ["attachment.missing=I have attached my resume"])


def txt_plaintext_reply():
    n = Note(subject="Re: Next steps – Electrical Technician",
             to="Linh Nguyen <linh.nguyen@voltaire-electric.com>",
             date="Tue, 24 Nov 2026 07:50:00 -0600",
             salutation="Dear Ms. Nguyen",
             paras=[
                 "I hope you had a good weekend. I am following up on my interview on November 16 "
                 "for the Electrical Technician position.",
                 "I remain very interested in the role. Is there any update on the timeline? Would "
                 "it help if I sent copies of my certifications?",
                 "Thank you for your time.",
             ],
             closing="Sincerely,", sig=["Omar Farouk", "(713) 555-0124"])
    quoted = [
        "On Mon, Nov 16, 2026 at 3:02 PM, Linh Nguyen <linh.nguyen@voltaire-electric.com> wrote:",
        "> Hi Omar,", ">",
        "> Thanks for coming in today!! It was great to meet you. We are",
        "> wrapping up interviews this week and should have an answer ASAP,",
        "> hopefully by Friday. Any questions?", ">",
        "> Cheers,", "> Linh",
    ]
    txt_pair("plaintext-reply", (n.twin() + "\n" + "\n".join(quoted) + "\n").encode(), n,
             "Plain UTF-8 note with its quoted history kept under it: an `On … wrote:` line and `> ` "
             "lines (bait: !!, ASAP, a question, Cheers,).",
             ["salutation.punctuation=Dear Ms. Nguyen", "inquiry.multiple-questions=Is there…? Would it help…?"])


def txt_plaintext_outlook():
    n = Note(subject="RE: Your application – Graphic Designer",
             to="Paul Mercer <pmercer@lanternprint.com>",
             date="Fri, 20 Nov 2026 10:22:00 -0500",
             salutation="Dear Mr. Mercer,",
             paras=[
                 "Thank you for letting me know, and for the helpful notes on my portfolio. I "
                 "enjoyed meeting the studio team and seeing the new letterpress room.",
                 "I would be grateful if you kept me in mind for future design openings. You can "
                 "always reach me at or by email if anything comes up.",
                 "Thank you again for your time.",
             ],
             closing="Sincerely,", sig=["Chloe Bennett", "chloe.bennett@gmail.com"])
    quoted = [
        "-----Original Message-----",
        "From: Paul Mercer <pmercer@lanternprint.com> ",
        "Sent: Thursday, November 19, 2026 2:15 PM",
        "To: Chloe Bennett <chloe.bennett@gmail.com>",
        "Subject: Your application - Graphic Designer",
        "",
        "Dear Chloe,",
        "",
        "Thank you for interviewing for the Graphic Designer position. We were impressed by your "
        "portfolio, but we have offered the role to another candidate.",
        "",
        "Best Regards,",
        "Paul Mercer",
        "Creative Director | Lantern Print Co.",
    ]
    txt_pair("plaintext-outlook", (n.twin() + "\n" + "\n".join(quoted) + "\n").encode(), n,
             "Plain UTF-8 note with a pasted Outlook `-----Original Message-----` block under it "
             "(bait: 'Best Regards,', a salutation, a 2-line signature).",
             ["contact.incomplete=reach me at (followed by 'or by email')"])


# ================================================================ self-check

def words(s):
    s = s.replace("\u00a0", " ").replace(NNBSP, " ")
    return re.findall(r"\w+", s)


class _Text(HTMLParser):
    BLOCK = {"p", "div", "br", "li", "tr", "blockquote", "h1", "h2", "h3", "hr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "head", "title"):
            self.skip += 1
        if tag in self.BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head", "title"):
            self.skip -= 1
        if tag in self.BLOCK:
            self.out.append("\n")

    def handle_data(self, d):
        if not self.skip:
            self.out.append(d)


def html_text(s):
    p = _Text()
    p.feed(s)
    return "".join(p.out)


def container_text(path):
    raw = open(path, "rb").read()
    if path.endswith(".eml"):
        msg = email.message_from_bytes(raw, policy=email.policy.default)
        part = msg.get_body(preferencelist=("plain", "html"))
        txt = part.get_content()
        if part.get_content_type() == "text/plain" and part.get_param("format") == "flowed":
            txt = re.sub(r" \r?\n(?!-- )", " ", txt)      # unflow (DelSp=No)
        if part.get_content_type() == "text/html":
            txt = html_text(txt)
        hdr = "\n".join(f"{k}: {msg[k]}" for k in ("Subject", "To", "Cc") if msg[k])
        atts = [a.get_filename() for a in msg.iter_attachments()]
        return hdr + "\n" + ("Attachments: " + ", ".join(atts) + "\n" if atts else "") + txt
    if path.endswith(".html"):
        cs = "cp1252" if b"charset=windows-1252" in raw else "utf-8"
        return html_text(raw.decode(cs))
    if path.endswith(".md"):
        return strip_md(raw.decode("utf-8"))
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def self_check():
    bad = 0
    for w in WRITTEN:
        n = w["note"]
        want = words("\n".join(x for x in (n.subject, n.to, n.cc) if x)
                     + "\n" + "\n".join(n.body_lines()))
        got = words(container_text(os.path.join(OUT, w["container"])))
        # every twin word, in order, must appear in the container's decoded text
        i = 0
        for g in got:
            if i < len(want) and g == want[i]:
                i += 1
        ok = i == len(want)
        if not ok:
            bad += 1
        print(f"{'ok ' if ok else 'BAD'} {w['container']:34s} {i}/{len(want)} words"
              + ("" if ok else f"  first missing: {want[i]!r}"))
    # header checks for the RFC 2047 / 2231 forms
    for name, subj in (("outlookcom-rfc2047", "Thank You – Junior Architect Interview"),
                       ("proton-rfc2047-b", "Following up – Backend Engineer Interview")):
        msg = email.message_from_bytes(open(os.path.join(OUT, name + ".eml"), "rb").read(),
                                       policy=email.policy.default)
        s = str(msg["Subject"])
        print(("ok " if s == subj else "BAD") + f" {name} Subject decodes to {s!r}")
        bad += s != subj
    # structural: base64 lines <= 76, QP lines <= 76, CRLF only in .eml
    for w in WRITTEN:
        if not w["container"].endswith(".eml"):
            continue
        raw = open(os.path.join(OUT, w["container"]), "rb").read()
        if re.search(rb"(?<!\r)\n", raw):
            print("BAD bare LF in", w["container"]); bad += 1
        for ln in raw.split(b"\r\n"):
            if len(ln) > 998:
                print("BAD line > 998 in", w["container"]); bad += 1
    return bad


# ================================================================ manifest

MANIFEST_HEAD = """# Container / plain-twin pairs

Each pair is one note written twice: `<name>.<ext>` exactly as a mail client or
editor saves it, and `<name>.plain.txt`, the writer's own text in the plain
layout of SPEC §1 (UTF-8, LF; `+++` front matter only where the container
carries context; no quoted history, no client footers, no `-- ` line, no MIME
or markup). Same words in the same order (checked by `python3 gen.py --check`,
which re-decodes every container with Python's email/html/codec modules).
Linting the container and its twin should give the SAME rule IDs (one
exception: windows-1252-undeclared), each container finding located at the
bytes that encode the words.

Per pair: the files, the client form and what the container does; **Expected**
= the rule IDs the twin (and so the container) should report, with the words
each points at; **Old binary** = what `build/followup-lint
--format json` reports today on the twin, then on the container (the old
binary reads every extension as plain text, so its container results for
.eml/.html are expected to be noise), and where it looks wrong.

Regenerate: `python3 gen.py --check --observe build/followup-lint`.
Weekdays in every date are computed, not copied: Nov 18, 2026 is a Wednesday,
so the Gmail attribution reads "On Tue, Nov 17, 2026 at 9:14 AM Dana Reyes".

"""

# Hand-written notes on the old binary, keyed by pair name (written after
# running --observe; see the MANIFEST text).
OLD_NOTES = {
    "zoho-html-only": "Twin: extra contact.missing looks WRONG: '+91 98450 12345' is a real "
                      "phone number with its country code (Indian 5+5 mobile format), but the "
                      "old phone pattern needs a 2-4 digit group after the country code.",
    "tinymce": "Twin: old binary MISSES placeholder.unfilled for '[interview date]' (its slot "
               "pattern knows '[date…]' and '[interviewer…]' but not '[interview …]'); SPEC §2/§4 "
               "make every bracketed template slot a finding.",
    "doctype": "Twin: old binary WRONG: the letter heading (sender block, date line, recipient "
               "block) is read as three paragraphs and 'Dear Professor Jensen,' as a fourth, so it "
               "reports salutation.missing and paragraph.opening-thanks; SPEC §2 says these form "
               "letter_head. (The same salutation with no heading is read fine.)",
    "windows-1252-undeclared": "Container: one input.encoding at 1:20 (byte offset 19, 0x96) as "
                               "SPEC wants, but the message only says 'save the draft as UTF-8' "
                               "- SPEC asks it to name the likely encoding (windows-1252) and how "
                               "to declare it.",
    "windows-1252-declared": "Container: old binary ignores `encoding` in front matter and "
                             "reports input.encoding at 4:20 - WRONG per SPEC §1.",
    "utf16-bom": "Container: old binary does not decode UTF-16 (input.encoding at 1:1) - WRONG "
                 "per SPEC §1.",
    "utf16be-bom": "Container: same UTF-16 failure - WRONG per SPEC §1.",
    "front-matter-yaml": "Container: YAML front matter not read by the old binary "
                         "(salutation.missing only).",
    "bold-subject": "Container: `**Subject:**` line and the `\\` hard break not understood by "
                    "the old binary (salutation.missing, closing.missing, signature.full-name).",
    "heading-subject": "Container: `# heading` subject not read by the old binary "
                       "(extra salutation.missing).",
    "outlook-fromsent": "Subject 'RE: Interview schedule - Operations Coordinator' is NOT vague "
                        "under the shipped rule data (a `RE:` prefix counts as purpose and the "
                        "position is named), so subject.vague is not expected.",
    "plaintext-outlook": "'reach me at my cell' would NOT fire (the rule data accepts 'my "
                         "cell'); the note uses 'reach me at or by email'.",
}


def observe(binary):
    import json
    import subprocess

    def run(path):
        r = subprocess.run([binary, "--format", "json", path], capture_output=True, text=True,
                           cwd=OUT)
        try:
            f = json.loads(r.stdout)["files"][0]
        except Exception:
            return "(no JSON: exit %d)" % r.returncode, []
        return f["kind"], [f"{d['rule']}@{d['line']}:{d['column']}" for d in f["diagnostics"]]
    obs = {}
    for w in WRITTEN:
        tk, td = run(w["twin"])
        ck, cd = run(w["container"])
        want = sorted(e.split("=", 1)[0] for e in w["expect"])
        got = sorted(d.split("@", 1)[0] for d in td)
        verdict = "matches Expected" if want == got else (
            "DIFFERS: " + "; ".join(x for x in (
                ("missing " + ", ".join(sorted(set(want) - set(got)))) if set(want) - set(got) else "",
                ("extra " + ", ".join(sorted(set(got) - set(want)))) if set(got) - set(want) else "")
                if x))
        obs[w["name"]] = (f"twin (kind {tk}): {', '.join(td) or 'nothing'} - {verdict}. "
                          f"Container (kind {ck}): {', '.join(cd) or 'nothing'}.")
    return obs


def write_manifest(observed):
    rows = []
    for w in WRITTEN:
        exp = "; ".join(
            (f"{e.split('=', 1)[0]} «{e.split('=', 1)[1]}»" if "=" in e else e)
            for e in w["expect"]) or "nothing (clean)"
        row = (f"- **{w['name']}**: `{w['container']}` + `{w['twin']}`. {w['desc']}\n"
               f"  - Expected: {exp}.\n")
        if w["name"] in observed:
            row += f"  - Old binary: {observed[w['name']]}\n"
        if w["name"] in OLD_NOTES:
            row += f"  - Note: {OLD_NOTES[w['name']]}\n"
        rows.append(row)
    with open(os.path.join(OUT, "MANIFEST.md"), "w", encoding="utf-8") as f:
        f.write(MANIFEST_HEAD + "\n".join(rows) + MANIFEST_TAIL)


MANIFEST_TAIL = """
## Things these pairs exercise on purpose

- Quoted history full of bait that must produce nothing: Gmail `>` quotes and the
  attribution split over two lines with U+202F before AM (gmail-reply), Outlook
  `-----Original Message-----` (outlook-reply, plaintext-outlook), OWA `____` +
  From/Sent/To/Subject (outlook-fromsent), Gmail forward (forwarded), Samsung
  `-------- Original message --------` (samsung-base64; its "keep your application on
  file" must not satisfy rejection.keep-on-file), `<blockquote class="gmail_quote">`
  (blockquote-reply, gmail-reply HTML), `On … wrote:` + `>` in .txt (plaintext-reply).
- Client footers: Sent from my iPhone / my Galaxy, Get Outlook for Android<…>,
  Sent with [Proton Mail](…) secure email.
- Position mapping through encodings: apple-mail-qp's "the the" is split by a soft
  break (`t=` / `he`), so no byte-exact fix is possible there (help only); zoho's phone
  number and outlookcom's e-mail address are split by soft breaks; windows-1252.eml
  mixes hard wraps (76) with QP soft breaks; samsung's text is base64 (findings map to
  the base64 line); outlook-web's paragraphs are wrapped in the HTML source.
- Charsets: utf-8, iso-8859-1 (outlook-fromsent), windows-1252 (windows-1252.eml,
  outlook-web.html via <meta>), raw 8bit UTF-8 (pdf-attachment), UTF-16 LE/BE, BOM.
- Header decoding: RFC 2047 Q and B words, two adjacent encoded words folded over two
  lines (whitespace between them vanishes), encoded display names in To, RFC 2231
  `filename*=` for the attachment (twin: `Attachments: Lebenslauf Jürgen.pdf`).
- Folder walks: MANIFEST.md is itself a .md file and gen.py a .py file; lint the pairs by
  naming files (or exclude these two), not by linting this folder.
"""

ALL = [eml_thunderbird_flowed, eml_apple_mail_qp, eml_gmail_alternative,
       eml_thunderbird_alternative, eml_gmail_reply, eml_outlook_reply, eml_outlook_fromsent,
       eml_outlookcom_rfc2047, eml_proton_b, eml_zoho_html_only, eml_samsung_base64,
       eml_pdf_attachment, eml_windows_1252, eml_forwarded, eml_iphone_footer,
       md_front_matter_yaml, md_front_matter_toml, md_bold_subject, md_heading_subject,
       md_links_emphasis, md_html_comment_pragma,
       html_gmail_compose, html_outlook_word, html_tinymce, html_doctype, html_blockquote_reply,
       txt_utf16le, txt_utf16be, txt_cp1252, txt_utf8_bom_crlf, txt_mixed_eol,
       txt_plaintext_reply, txt_plaintext_outlook]


if __name__ == "__main__":
    for fn in ALL:
        fn()
    observed = {}
    if "--observe" in sys.argv:
        observed = observe(os.path.abspath(sys.argv[sys.argv.index("--observe") + 1]))
    write_manifest(observed)
    if "--check" in sys.argv:
        sys.exit(1 if self_check() else 0)
