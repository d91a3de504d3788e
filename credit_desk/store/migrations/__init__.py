"""Migrations in order. Never edit one that has been released; add the next file instead.

The list is explicit (not discovered) so a frozen build carries every step.
"""

from credit_desk.store.migrations import m0001_create_core, m0002_add_office_keys
from credit_desk.store.migrations import m0003_add_listing_cases
from credit_desk.store.migrations import m0004_add_sync
from credit_desk.store.migrations import m0005_add_document_register
from credit_desk.store.migrations import m0006_add_cleanup_ledger
from credit_desk.store.migrations import m0007_add_commitments_interviews
from credit_desk.store.migrations import m0008_add_repairs
from credit_desk.store.migrations import m0009_add_search_indexes
from credit_desk.store.migrations import m0010_rebuild_search_keys
from credit_desk.store.migrations import m0011_add_calendar_origin
from credit_desk.store.migrations import m0012_add_receipted_heads
from credit_desk.store.migrations import m0013_add_withdrawals
from credit_desk.store.migrations import m0014_add_departments
from credit_desk.store.migrations import m0015_add_id_exceptions
from credit_desk.store.migrations import m0016_add_measure_scope
from credit_desk.store.migrations import m0017_add_account_lifecycle
from credit_desk.store.migrations import m0018_add_superseded_numbers
from credit_desk.store.migrations import m0019_correct_earlier_rule_sets
from credit_desk.store.migrations import m0020_add_followups
from credit_desk.store.migrations import m0021_add_admin_decisions
from credit_desk.store.migrations import m0022_add_held_calendars
from credit_desk.store.migrations import m0023_rebuild_search_keys_simplified
from credit_desk.store.migrations import m0024_add_document_files
from credit_desk.store.migrations import m0025_rebuild_search_keys_radicals
from credit_desk.store.migrations import m0026_add_key_last_sequence
from credit_desk.store.migrations import m0027_rebuild_search_keys_name_variants
from credit_desk.store.migrations import m0028_add_legacy_mappings
from credit_desk.store.migrations import m0029_add_credit_checks
from credit_desk.store.migrations import m0030_add_legal_rep_index
from credit_desk.store.migrations import m0031_add_audit_action_index
from credit_desk.store.migrations import m0032_add_decision_party_indexes
from credit_desk.store.migrations import m0033_rebuild_search_keys_fold_fixpoint
from credit_desk.store.migrations import m0034_add_deadline_calendars
from credit_desk.store.migrations import m0035_add_decision_non_repairable
from credit_desk.store.migrations import m0036_records_search_by_date

MIGRATIONS = [
    m0001_create_core,
    m0002_add_office_keys,
    m0003_add_listing_cases,
    m0004_add_sync,
    m0005_add_document_register,
    m0006_add_cleanup_ledger,
    m0007_add_commitments_interviews,
    m0008_add_repairs,
    m0009_add_search_indexes,
    m0010_rebuild_search_keys,
    m0011_add_calendar_origin,
    m0012_add_receipted_heads,
    m0013_add_withdrawals,
    m0014_add_departments,
    m0015_add_id_exceptions,
    m0016_add_measure_scope,
    m0017_add_account_lifecycle,
    m0018_add_superseded_numbers,
    m0019_correct_earlier_rule_sets,
    m0020_add_followups,
    m0021_add_admin_decisions,
    m0022_add_held_calendars,
    m0023_rebuild_search_keys_simplified,
    m0024_add_document_files,
    m0025_rebuild_search_keys_radicals,
    m0026_add_key_last_sequence,
    m0027_rebuild_search_keys_name_variants,
    m0028_add_legacy_mappings,
    m0029_add_credit_checks,
    m0030_add_legal_rep_index,
    m0031_add_audit_action_index,
    m0032_add_decision_party_indexes,
    m0033_rebuild_search_keys_fold_fixpoint,
    m0034_add_deadline_calendars,
    m0035_add_decision_non_repairable,
    m0036_records_search_by_date,
]
