"""The console e-mail backend of ``make run``: messages printed as a person reads them.

Django's console backend prints the MIME message as it would go on the wire; a Vietnamese line is longer than
78 bytes in UTF-8, so the standard library encodes the body in base64 and the subject in RFC 2047 words, and
nobody can read the invitation link in the terminal. This backend builds the same message with a policy that
allows 8-bit UTF-8 text (lines up to RFC 5322's 998 bytes, UTF-8 headers), so the body and the subject print
as written. Only the console uses it: SMTP keeps Django's defaults.
"""

import email.policy

from django.core.mail.backends.console import EmailBackend as ConsoleEmailBackend

READABLE = email.policy.SMTPUTF8.clone(max_line_length=998, linesep="\n")


class EmailBackend(ConsoleEmailBackend):
    def write_message(self, message) -> None:
        text = message.message(policy=READABLE).as_bytes().decode("utf-8", errors="replace")
        self.stream.write(f"{text}\n")
        self.stream.write("-" * 79)
        self.stream.write("\n")
