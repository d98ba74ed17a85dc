package pgstore

import (
	"regexp"
)

// urlPassword matches the password of a URL's user information ("://user:PASSWORD@"), up to
// the last "@" before the path, and a password given as a parameter ("password=PASSWORD").
var urlPassword = regexp.MustCompile(`(://[^:/@\s]*:)[^/\s]*@|(\bpassword=)[^&\s]*`)

// RedactText masks every password of a database URL in s, wherever it is in the text.
func RedactText(s string) string {
	return urlPassword.ReplaceAllStringFunc(s, func(m string) string {
		sub := urlPassword.FindStringSubmatch(m)
		if sub[1] != "" {
			return sub[1] + "xxxxx@"
		}
		return sub[2] + "xxxxx"
	})
}
