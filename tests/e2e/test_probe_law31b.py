from tests.e2e.case_kit import (BOSS, company, decide, ok, open_case, refused, serve, show, story, walk_to)  # noqa
from tests.conftest import USER_PW

def P(*a):
    open("/tmp/law31_probe.txt", "a").write(" ".join(map(str, a)) + "\n")

def T(office, *argv, user="clerk1"):
    code, out, err = office("--json", *argv, user=user, password=USER_PW)
    return code, out[:260].replace("\n", " ")

def test_probe(story, tmp_path):
    a = open_case(story, company(story, 5501), "black", opened_on="2026-09-20")
    b = open_case(story, company(story, 5502), "black", opened_on="2026-09-20")
    walk_to(story, "2026-11-20")
    P("hand1", T(story, "case", "notice", str(a), "--served-on", "2026-09-21", "--external-number", "清市监告字〔2026〕3号"))
    P("hand-dup-variant", T(story, "case", "notice", str(b), "--served-on", "2026-09-22", "--external-number", "清市监告字（2026）第3号"))
    c = open_case(story, company(story, 5503), "black", opened_on="2026-11-20")
    serve(story, c, on="2026-11-20")
    walk_to(story, "2026-12-10")
    P("print decision early", T(story, "print", "listing_decision", "--case", str(c), "--out", str(tmp_path / "d.pdf")))
    P("decide hand backdated", T(story, "case", "decide", str(c), "--decided-on", "2026-11-30", "--measure", "M-01", "--post-exit-watch-months", "12", "--external-number", "清市监决字〔2026〕1号", user=BOSS))
    P("show", show(story, c).get("decided_on"), show(story, c).get("decision_number"))
    # objection on a served case, reply dated before received
    d = open_case(story, company(story, 5504), "black", opened_on="2026-12-01")
    serve(story, d, on="2026-12-10")
    P("object", T(story, "case", "object", str(d), "--received-on", "2026-12-09", "--grounds", "事实有误"))
    P("object ok", T(story, "case", "object", str(d), "--received-on", "2026-12-10", "--grounds", "事实有误"))
    walk_to(story, "2026-12-11")
    P("print accepted", T(story, "print", "objection_accepted", "--case", str(d), "--out", str(tmp_path / "o.pdf")))
    P("reply before", T(story, "case", "reply", str(d), "--outcome", "upheld", "--replied-on", "2026-12-10", "--reason", "经核查属实", user=BOSS))
    P("list", ok(story, "print", "list", "--case", str(d)))
