#!/usr/bin/env python3
"""Deterministic corpus generator for followup-lint benchmarks.

    gen_corpus.py OUTDIR N [--seed S]            N drafts OUTDIR/draft-NNNNN.txt
                                                 plus OUTDIR/manifest.jsonl
    gen_corpus.py --single FILE --bytes B [--seed S]
                                                 one file of at least B bytes:
                                                 many notes concatenated

Each draft is a realistic follow-up note written after a job interview: a
thank-you note, a status inquiry or a reply to a rejection. It may open with a
header block (Subject/To/Date, sometimes Cc), then a salutation, 2-4 body
paragraphs, a closing line and a signature with a phone number and/or an email
address. Names, companies, positions and interview details vary; some drafts
are hard-wrapped at 72 columns, a few use CRLF line endings.

About half the drafts carry one or more typical defects, listed per file in
manifest.jsonl ("defects"): vague-subject, cliche, missing-contact,
incomplete-contact, one-name-signature, long-paragraph, combined-salutation,
missing-salutation, placeholder.

Same seed and N, same bytes: draft i depends only on (seed, i), so the first
1,000 drafts of a 5,000-draft corpus are the 1,000-draft corpus. Python 3
standard library only.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import textwrap

# --------------------------------------------------------------------------
# Vocabulary

FIRST_NAMES = [
    "Ana", "Sam", "Lee", "Priya", "Jordan", "Maria", "David", "Aisha", "Tom",
    "Chen", "Fatima", "Lucas", "Olivia", "Mateo", "Hannah", "Kwame", "Sofia",
    "Daniel", "Mei", "Omar", "Grace", "Noah", "Elena", "Ravi", "Chloe",
    "Jamal", "Ingrid", "Diego", "Yuki", "Nadia", "Ethan", "Zoë", "José",
    "Łukasz", "Amélie", "Björn", "Siobhan", "Tariq", "Leah", "Marcus",
    "Camila", "Hiroshi", "Anneliese", "Kofi", "Renée", "Pablo", "Ines",
    "Wei", "Sunita", "Connor",
]
LAST_NAMES = [
    "Cruz", "Jones", "Smith", "Patel", "Rivera", "Nguyen", "Okafor", "Müller",
    "García", "Kim", "Johansson", "O'Brien", "Kowalski", "Haddad", "Silva",
    "Tanaka", "Brown", "Williams", "Rossi", "Dubois", "Novak", "Ahmed",
    "Fernández", "Schmidt", "Murphy", "Chen", "Singh", "Lopez", "Moreau",
    "Andersen", "Smith-Andersen", "Van der Berg", "McAllister", "Osei",
    "Yilmaz", "Petrov", "Ferreira", "Lindqvist", "Nakamura", "Walsh",
]
TITLES = ["Mr.", "Ms.", "Mrs.", "Dr.", "Mx.", "Prof."]

COMPANY_HEADS = [
    "Conner", "Blue Harbor", "Northwind", "Apex", "Greenfield", "Silver Oak",
    "Brightline", "Redwood", "Summit", "Lakeshore", "Ironbridge", "Meridian",
    "Cobalt", "Evergreen", "Harborview", "Pinecrest", "Keystone", "Riverbend",
    "Starling", "Tidewater", "Quarry Hill", "Larkspur", "Westgate", "Halcyon",
]
COMPANY_TAILS = [
    "Advertising", "Logistics", "Health", "Analytics", "Foods", "Bank",
    "Software", "Insurance", "Energy", "Media", "Architects", "Robotics",
    "Outfitters", "Labs", "Partners", "Hotels", "Pharmacy", "Credit Union",
    "Manufacturing", "Consulting",
]
COMPANY_SUFFIXES = ["", "", "", " Inc.", " LLC", " Group", " & Co.", " Ltd."]

POSITIONS = [
    "Customer Service Associate", "Marketing Coordinator", "Software Engineer",
    "Data Analyst", "Registered Nurse", "Account Executive", "Project Manager",
    "Warehouse Supervisor", "Junior Accountant", "UX Designer",
    "Operations Manager", "Sales Representative", "Paralegal",
    "Front Desk Agent", "Barista Shift Lead", "Lab Technician",
    "HR Generalist", "Content Writer", "Site Reliability Engineer",
    "Dental Hygienist", "Store Manager", "Financial Analyst",
    "Executive Assistant", "Quality Assurance Engineer", "Pharmacy Technician",
    "Teacher's Aide", "Graphic Designer", "Logistics Planner",
]

DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]
WHEN = ["yesterday", "this morning", "earlier today", "on {day}", "last {day}",
        "on {day} afternoon"]
MEDIUM = ["", "", " on the phone", " over video", " at your office",
          " on Zoom", " during the panel interview"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep",
          "Oct", "Nov", "Dec"]

TOPICS = [
    "the new onboarding program for {team} hires",
    "how the {team} team measures customer satisfaction",
    "the plan to open two more locations next year",
    "the migration of your reporting to a new platform",
    "the diverse clientele your team works with every day",
    "the mentoring program for new {team} staff",
    "the challenges of scaling support during the holiday season",
    "your approach to cross-training across shifts",
    "the upcoming product launch in the spring",
    "how the team handles a backlog after a busy quarter",
]
TEAMS = ["support", "sales", "engineering", "marketing", "nursing",
         "finance", "operations", "design", "front office", "warehouse"]
EXPERIENCE = [
    "I bring {n} years of experience {doing}",
    "In my current role I spent {n} years {doing}",
    "For the past {n} years I have been {doing}",
    "At my last job I was responsible for {doing} for {n} years",
]
DOING = [
    "managing a call center of 12 agents",
    "reconciling accounts for three regional offices",
    "building dashboards that the leadership team reviewed weekly",
    "training new hires on our ticketing system",
    "scheduling deliveries for a fleet of 30 trucks",
    "running social media campaigns for local retailers",
    "maintaining a Python service that handled two million requests a day",
    "coordinating patient intake in a busy urgent care clinic",
    "closing mid-market accounts in the Northeast region",
    "designing checkout flows for an online grocery store",
]
RESULTS = [
    "cut average wait times by a third",
    "reduced month-end close from ten days to six",
    "grew repeat business by 18 percent",
    "lowered shipping errors to under one percent",
    "brought onboarding time down from three weeks to one",
    "raised our customer satisfaction score from 82 to 91",
    "saved the team about six hours a week",
]
CLICHES = [
    "I am a team player with strong communication skills.",
    "I am a hard worker and a fast learner.",
    "As a detail-oriented self-starter, I would hit the ground running.",
    "I think outside the box and work well under pressure.",
    "I am a results-driven, self-motivated individual.",
    "My excellent interpersonal skills would be an asset to the team.",
    "I am a people person and a natural communicator.",
    "I always give 110 percent.",
]
FILLER_SENTENCES = [
    "I enjoyed our conversation.",
    "The team sounds great.",
    "I learned a lot about your clients.",
    "The office was lovely.",
    "It was nice to meet everyone.",
    "I appreciated the tour of the building.",
    "Your questions were very interesting.",
    "I have been thinking about it ever since.",
]

CLOSINGS = ["Sincerely,", "Best regards,", "Kind regards,", "Thank you,",
            "Warm regards,", "Best,", "Regards,", "With appreciation,",
            "Many thanks,", "Respectfully,"]
PLACEHOLDERS = ["[Company Name]", "[Interviewer Name]", "[Position]",
                "[Your Name]", "<insert date>", "[specific detail]", "XXX",
                "[Job Title]"]

# --------------------------------------------------------------------------
# Building blocks


def phone(rng: random.Random) -> str:
    style = rng.randrange(5)
    a, b, c = rng.randrange(200, 999), rng.randrange(0, 999), rng.randrange(0, 9999)
    if style == 0:
        return f"({a}) {b:03d}-{c:04d}"
    if style == 1:
        return f"{a}-{b:03d}-{c:04d}"
    if style == 2:
        return f"{a}.{b:03d}.{c:04d}"
    if style == 3:
        return f"+1 {a} {b:03d} {c:04d}"
    return f"+44 20 {rng.randrange(1000, 9999)} {rng.randrange(1000, 9999)}"


def ascii_slug(s: str) -> str:
    table = str.maketrans("éèëüöäåøóáíñçłęëàâîôûÉÓÅŁÖÜ", "eeeuoaaooainclleaaiouEOALOU")
    out = s.translate(table).lower()
    return "".join(ch for ch in out if ch.isalnum() or ch in ".-")


def email_for(first: str, last: str, rng: random.Random, domain: str | None = None) -> str:
    f, l = ascii_slug(first), ascii_slug(last.replace(" ", ""))
    local = rng.choice([f"{f}.{l}", f"{f[0]}{l}", f"{f}{l}", f"{f}_{l}{rng.randrange(1, 99)}"])
    domain = domain or rng.choice(["example.com", "mail.example.org", "example.net", "inbox.example"])
    return f"{local}@{domain}"


def company_domain(company: str) -> str:
    head = company.split(" ")[0]
    return ascii_slug(head) + ".example.com"


def rfc_date(rng: random.Random) -> str:
    day = rng.randrange(1, 28)
    return (f"{rng.choice(['Mon', 'Tue', 'Wed', 'Thu', 'Fri'])}, {day} {rng.choice(MONTHS)} "
            f"{rng.choice([2025, 2026])} {rng.randrange(7, 19):02d}:{rng.randrange(60):02d}:00 "
            f"{rng.choice(['-0500', '-0800', '+0000', '+0100', '-0400'])}")


def iso_date(rng: random.Random) -> str:
    return (f"{rng.choice([2025, 2026])}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
            f"T{rng.randrange(7, 19):02d}:{rng.randrange(60):02d}:00-05:00")


def sentence_join(parts: list[str]) -> str:
    # "Halcyon Software Inc." at the end of a sentence: one period, not two.
    return " ".join(p.strip().replace("..", ".") for p in parts if p.strip())


# --------------------------------------------------------------------------
# One draft


def make_draft(rng: random.Random) -> tuple[str, dict]:
    kind = rng.choices(["thank-you", "status-inquiry", "rejection-reply"], weights=[5, 3, 2])[0]
    me_first, me_last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    iv_first, iv_last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
    iv_title = rng.choice(TITLES)
    company = rng.choice(COMPANY_HEADS) + " " + rng.choice(COMPANY_TAILS) + rng.choice(COMPANY_SUFFIXES)
    position = rng.choice(POSITIONS)
    team = rng.choice(TEAMS)
    day = rng.choice(DAYS)
    when = rng.choice(WHEN).format(day=day)
    medium = rng.choice(MEDIUM)
    my_phone, my_email = phone(rng), email_for(me_first, me_last, rng)

    # Defects: each independently, so about half the drafts have at least one.
    defects: list[str] = []

    def roll(name: str, p: float) -> bool:
        if rng.random() < p:
            defects.append(name)
            return True
        return False

    has_header = rng.random() < 0.7
    d_vague = has_header and roll("vague-subject", 0.15)
    d_cliche = roll("cliche", 0.15)
    d_missing_contact = roll("missing-contact", 0.10)
    d_incomplete = roll("incomplete-contact", 0.04)
    d_one_name = roll("one-name-signature", 0.08)
    d_long = roll("long-paragraph", 0.12)
    d_combined = roll("combined-salutation", 0.06)
    d_no_salutation = (not d_combined) and roll("missing-salutation", 0.04)
    d_placeholder = roll("placeholder", 0.07)

    lines: list[str] = []

    # Header block
    if has_header:
        if d_vague:
            subject = rng.choice(["Thank you", "Following up", "Checking in", "Quick question",
                                  "Hello", "Thanks!", "Update", "Re: Thank you", "Touching base"])
        elif kind == "thank-you":
            subject = rng.choice([f"Thank You – {position} Interview",
                                  f"Thank you for the {position} interview",
                                  f"Thanks for your time – {position} at {company}",
                                  f"Thank You: {position} Interview on {day}"])
        elif kind == "status-inquiry":
            subject = rng.choice([f"Following Up – {position} Application",
                                  f"Checking in on the {position} position",
                                  f"Status of my application for {position}",
                                  f"Follow-up: {position} interview on {day}"])
        else:
            subject = rng.choice([f"Re: Your decision on the {position} role",
                                  f"Thank you for considering me for {position}",
                                  f"Re: {position} application"])
        lines.append(f"Subject: {subject}")
        lines.append(f"To: {iv_first} {iv_last} <{email_for(iv_first, iv_last, rng, company_domain(company))}>")
        if rng.random() < 0.15:
            cf, cl = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
            lines.append(f"Cc: {cf} {cl} <{email_for(cf, cl, rng, company_domain(company))}>")
        if rng.random() < 0.6:
            lines.append(f"Date: {rfc_date(rng) if rng.random() < 0.75 else iso_date(rng)}")
        lines.append("")

    # Salutation
    greeting = rng.choice(["Dear", "Dear", "Dear", "Hello", "Hi"])
    if d_combined:
        o_first, o_last = rng.choice(FIRST_NAMES), rng.choice(LAST_NAMES)
        salutation = rng.choice([
            f"Dear {iv_title} {iv_last} and {rng.choice(TITLES)} {o_last},",
            f"Hi {iv_first} and {o_first},",
            "Hi all,",
            "Dear hiring team and everyone,",
            f"Dear {iv_first}, {o_first},",
        ])
    elif greeting == "Dear":
        salutation = rng.choice([f"Dear {iv_title} {iv_last},", f"Dear {iv_first} {iv_last},",
                                 f"Dear {iv_first},"])
    else:
        salutation = f"{greeting} {iv_first},"
    if not d_no_salutation:
        lines.append(salutation)
        lines.append("")

    # Body paragraphs
    topic = rng.choice(TOPICS).format(team=team)
    exp = rng.choice(EXPERIENCE).format(n=rng.randrange(2, 15), doing=rng.choice(DOING))
    result = rng.choice(RESULTS)
    paragraphs: list[list[str]] = []
    if kind == "thank-you":
        paragraphs.append([
            f"Thank you for taking the time to speak with me {when}{medium} about the {position} position at {company}.",
            f"I especially enjoyed hearing about {topic}.",
        ])
        paragraphs.append([
            f"{exp}, and in that time I {result}.",
            f"I would welcome the chance to bring that experience to your {team} team.",
        ])
    elif kind == "status-inquiry":
        paragraphs.append([
            f"I hope your week is going well. I am writing to follow up on my interview {when} for the {position} role at {company}.",
        ])
        paragraphs.append([
            f"I remain very interested in the position, particularly after our discussion of {topic}.",
            "Could you let me know whether there is any update on the timeline for a decision?",
        ])
        if rng.random() < 0.5:
            paragraphs.append([f"{exp}, and in that time I {result}."])
    else:
        paragraphs.append([
            f"Thank you for letting me know about your decision on the {position} position.",
            "While I am disappointed, I appreciated the chance to learn more about your team and the work you do.",
        ])
        paragraphs.append([
            f"I enjoyed our conversation about {topic}, and I would be glad to be considered for future openings at {company}.",
        ])
    if rng.random() < 0.5:
        extra = rng.choice([
            [f"I also noticed that {company} is hiring for more {team} roles this year.",
             "I would be glad to help build out that group."],
            [f"After our talk I put together a short outline of how I would approach {topic}.",
             "I would be happy to share it if it is useful."],
            ["Please let me know if there is anything else I can provide, such as references or work samples."],
        ])
        paragraphs.append(extra)
    if d_cliche:
        target = rng.randrange(len(paragraphs))
        paragraphs[target].insert(rng.randrange(len(paragraphs[target]) + 1), rng.choice(CLICHES))
    if d_long:
        target = rng.randrange(len(paragraphs))
        paragraphs[target].extend(rng.sample(FILLER_SENTENCES, rng.randrange(3, 6)))
    if d_placeholder:
        target = rng.randrange(len(paragraphs))
        ph = rng.choice(PLACEHOLDERS)
        paragraphs[target].append(rng.choice([
            f"I am excited about the opportunity to join {ph}.",
            f"Our conversation about {ph} was the highlight of my week.",
            f"I look forward to hearing from you by {ph}.",
        ]))

    # Last paragraph: how to reach me (or not)
    if d_incomplete:
        last = [rng.choice(["You can always reach me at or by email if you have questions.",
                            "Please email me at if you need anything else.",
                            "Feel free to call me at or send me a note."])]
    elif d_missing_contact or rng.random() < 0.5:
        last = [rng.choice(["Thank you again for your time and consideration.",
                            "I look forward to hearing from you.",
                            "Thank you again, and I hope we can speak again soon."])]
    else:
        last = [f"If you have any further questions, you can reach me at {my_phone if rng.random() < 0.6 else my_email}.",
                "Thank you again for your time."]
    paragraphs.append(last)

    wrapped = rng.random() < 0.3
    for para in paragraphs:
        text = sentence_join(para)
        if wrapped:
            lines.extend(textwrap.wrap(text, width=72, break_long_words=False, break_on_hyphens=False))
        else:
            lines.append(text)
        lines.append("")

    # Closing and signature
    lines.append(rng.choice(CLOSINGS))
    lines.append(me_first if d_one_name else f"{me_first} {me_last}")
    if not d_missing_contact:
        style = rng.randrange(4)
        if style == 0:
            lines += [my_phone, my_email]
        elif style == 1:
            lines.append(f"{my_phone} | {my_email}")
        elif style == 2:
            lines.append(my_email)
        else:
            lines.append(my_phone)
        if rng.random() < 0.2:
            lines.append(f"linkedin.com/in/{ascii_slug(me_first)}{ascii_slug(me_last.replace(' ', ''))}")

    crlf = rng.random() < 0.05
    text = ("\r\n" if crlf else "\n").join(lines) + ("\r\n" if crlf else "\n")
    meta = {"kind": kind, "header": has_header, "wrapped": wrapped, "crlf": crlf, "defects": defects}
    return text, meta


def draft_rng(seed: int, i: int) -> random.Random:
    # A str seed is hashed with SHA-512: stable across runs and Python versions,
    # independent of PYTHONHASHSEED.
    return random.Random(f"followup-bench:{seed}:{i}")


# --------------------------------------------------------------------------
# Entry points


def write_corpus(outdir: str, n: int, seed: int) -> None:
    os.makedirs(outdir, exist_ok=True)
    width = max(5, len(str(n)))
    total = 0
    with open(os.path.join(outdir, "manifest.jsonl"), "w", encoding="utf-8", newline="\n") as manifest:
        for i in range(n):
            text, meta = make_draft(draft_rng(seed, i))
            name = f"draft-{i:0{width}d}.txt"
            data = text.encode("utf-8")
            with open(os.path.join(outdir, name), "wb") as f:
                f.write(data)
            total += len(data)
            manifest.write(json.dumps({"file": name, "bytes": len(data), **meta}, ensure_ascii=False) + "\n")
    print(f"wrote {n} drafts, {total} bytes ({total / 1e6:.2f} MB) to {outdir}", file=sys.stderr)


def write_single(path: str, target_bytes: int, seed: int) -> None:
    total, i = 0, 0
    with open(path, "wb") as f:
        while total < target_bytes:
            text, _ = make_draft(draft_rng(seed, i))
            data = (text if i == 0 else "\n" + text).encode("utf-8")
            f.write(data)
            total += len(data)
            i += 1
    print(f"wrote {i} notes, {total} bytes ({total / 1e6:.2f} MB) to {path}", file=sys.stderr)


def parse_size(s: str) -> int:
    s = s.strip().upper()
    mult = 1
    for suffix, m in (("KB", 10**3), ("MB", 10**6), ("GB", 10**9), ("K", 10**3), ("M", 10**6), ("G", 10**9)):
        if s.endswith(suffix):
            s, mult = s[: -len(suffix)], m
            break
    return int(float(s) * mult)


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                formatter_class=argparse.RawDescriptionHelpFormatter,
                                epilog=__doc__.split("\n\n", 1)[1])
    p.add_argument("outdir", nargs="?", help="directory to write the drafts into")
    p.add_argument("n", nargs="?", type=int, help="number of drafts")
    p.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    p.add_argument("--single", metavar="FILE", help="write one big file instead of a folder")
    p.add_argument("--bytes", type=parse_size, metavar="B",
                   help="size of the --single file (suffixes K/M/G = 10^3/10^6/10^9)")
    a = p.parse_args(argv)
    if a.single:
        if a.bytes is None or a.outdir is not None:
            p.error("--single FILE needs --bytes B and no OUTDIR/N")
        write_single(a.single, a.bytes, a.seed)
        return 0
    if a.outdir is None or a.n is None or a.n < 0:
        p.error("need OUTDIR and N (or --single FILE --bytes B)")
    write_corpus(a.outdir, a.n, a.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
