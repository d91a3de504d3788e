"""双公示 (R6, R13, R15, R21): the register of administrative licence and penalty decisions departments hand over.

Owns: entry and sheet import (``register``, ``sheet``), publication within 7 working days and its place on the due
list, a penalty's publication period by tier with its automatic end (run by the daily check and before every
bundle), masking of natural persons in every public output, the platform's upload sheet, and the acknowledgement
that closes the deadline. The change-log rows (entity ``admin_decision``) carry the decisions to the platform.
"""
