"""Issue 18 (the platform's intake at city scale): migration 0008 stores a change's state as json, no longer parsed
into jsonb on its way in. A platform that filed listings under 0007 keeps every state as it was sent and still
finds every listing across offices after the migration."""

from __future__ import annotations

import json

import psycopg

from credit_desk.intake import pgstore
from credit_desk.intake.receiver import Intake
from tests.platform_kit import FakeOffice


def test_0008_keeps_every_filed_state_and_listing(tmp_path, platform_dsn, monkeypatch):
    every = pgstore.migrations()
    monkeypatch.setattr(pgstore, "migrations", lambda: [m for m in every if m[0] <= 7])
    plat = Intake.init(tmp_path / "intake")
    intake = Intake(tmp_path / "intake", pool_size=2)
    try:
        a = FakeOffice(plat, seed=3)
        intake.register_office(a.keyfile())
        lines = a.listing_lines(8)
        odd = json.loads(lines[0])  # a state with what jsonb and json read differently: key order, escapes, numbers
        odd["state"].update({"z_last": "引号\"反斜杠\\制表\t", "a_first": 12345678901234567890, "nested": {"b": 1, "a": [1.5]}})
        lines[0] = json.dumps(odd, ensure_ascii=False)
        intake.receive(a.bundle(lines))
        subject = intake.stored_changes(a.office)[0]["state"]
        before_changes = intake.stored_changes(a.office)
        before_listings = intake.subject_listings("uscc", subject["id_number"], actor="李工", reason="联合惩戒核查", unmasked=True)
        assert len(before_listings) == 1 and before_changes[0]["state"]["nested"] == {"b": 1, "a": [1.5]}

        monkeypatch.setattr(pgstore, "migrations", lambda: [m for m in every if m[0] <= 8])  # 0009 came later
        assert intake.migrate() == ["0008_store_change_state_as_json.sql"]
        with psycopg.connect(platform_dsn) as conn:
            kind = conn.execute("SELECT data_type FROM information_schema.columns WHERE table_schema = %s AND "
                                "table_name = 'changes' AND column_name = 'state'", (intake.schema,)).fetchone()[0]
        assert kind == "json"
        assert intake.stored_changes(a.office) == before_changes
        after = intake.subject_listings("uscc", subject["id_number"], actor="李工", reason="联合惩戒核查", unmasked=True)
        assert after == before_listings and after[0]["list_type"] == "black"

        intake.receive(a.bundle(a.listing_lines(4, {k: subject[k] for k in ("kind", "name", "id_type", "id_number")})))
        assert len(intake.subject_listings("uscc", subject["id_number"], actor="李工", reason="联合惩戒核查")) == 2
    finally:
        intake.close()
