"""Who may do what and who did it: librarian accounts, the audit log, readers' personal data on request."""
