"""Provincial proposals: the Board's tờ trình (Decree 30, form 1.4, "TTr") listing the nominations its council
approved for awards the province decides, signed before numbered; once signed the nominations are FORWARDED.
The province's decision is then recorded (number, date, signer, PDF) and each forwarded nomination marked
granted (DECIDED_EXTERNAL) or not (REJECTED_EXTERNAL)."""
