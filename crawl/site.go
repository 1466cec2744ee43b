package crawl

import (
	"crypto/sha256"
	"encoding/hex"
	"net"
	"net/url"
	"path"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Kind says which Help Page route a page comes from.
type Kind string

// Page kinds, as written in the manifest.
const (
	KindIndex Kind = "index" // /Help
	KindAPI   Kind = "api"   // /Help/Api/{ApiId}
	KindModel Kind = "model" // /Help/ResourceModel?modelName={Name}
)

// site is the part of the web the crawl may touch: one scheme and host, and
// the paths under the Help area of one application.
type site struct {
	scheme string
	host   string // normalised by normHost
	prefix string // escaped path of the index without trailing "/", e.g. "/v3/mps-api/Help"
	area   string // last segment of prefix ("Help"), to recognise help links elsewhere
}

func newSite(index *url.URL) site {
	p := strings.TrimRight(index.EscapedPath(), "/")
	// HelpController.Index answers both /Help and /Help/Index; only the
	// former is the area's root.
	if i := strings.LastIndexByte(p, '/'); i >= 0 && strings.EqualFold(p[i+1:], "Index") {
		p = p[:i]
	}
	return site{
		scheme: strings.ToLower(index.Scheme),
		host:   normHost(index),
		prefix: p,
		area:   p[strings.LastIndexByte(p, '/')+1:],
	}
}

func (s site) String() string { return s.scheme + "://" + s.host + s.prefix }

// normHost makes equal hosts compare equal: case and default ports differ
// between links that point at the same server.
func normHost(u *url.URL) string {
	h, p := strings.ToLower(u.Hostname()), u.Port()
	if (p == "80" && strings.EqualFold(u.Scheme, "http")) || (p == "443" && strings.EqualFold(u.Scheme, "https")) {
		p = ""
	}
	if p != "" {
		return net.JoinHostPort(h, p)
	}
	if strings.Contains(h, ":") {
		return "[" + h + "]"
	}
	return h
}

// rest returns the escaped path after the prefix, and whether u is on the
// site at all. Paths compare without case because IIS routes ignore it.
func (s site) rest(u *url.URL) (string, bool) {
	if !strings.EqualFold(u.Scheme, s.scheme) || normHost(u) != s.host {
		return "", false
	}
	p := u.EscapedPath()
	if len(p) < len(s.prefix) || !strings.EqualFold(p[:len(s.prefix)], s.prefix) {
		return "", false
	}
	r := p[len(s.prefix):]
	if r != "" && r[0] != '/' {
		return "", false // "/HelpDesk" is not under "/Help"
	}
	// Escaped dot segments ("%2e%2e") survive URL resolution but a server
	// may still decode them and leave the area.
	if c := path.Clean("/" + u.Path); !strings.HasPrefix(strings.ToLower(c+"/"), strings.ToLower(unescapePath(s.prefix)+"/")) {
		return "", false
	}
	return r, true
}

func (s site) contains(u *url.URL) bool {
	_, ok := s.rest(u)
	return ok
}

func unescapePath(p string) string {
	if u, err := url.PathUnescape(p); err == nil {
		return u
	}
	return p
}

// link is a Help Page the crawl should fetch.
type link struct {
	kind Kind
	name string // ApiId or model name, unescaped
	url  string // what to request
}

// key identifies a page on the site: look-ups ignore case, so "Foo" and
// "foo" are one page and must be one file (also on case-insensitive disks).
func (l link) key() string { return string(l.kind) + ":" + strings.ToLower(l.name) }

// classify turns an absolute URL into a crawlable page. ok is false for
// everything that is not an Api or ResourceModel page of this site; helpLike
// reports a link shaped like one that lies outside the site (counted as
// skipped so off-site references are visible in the manifest).
func (s site) classify(u *url.URL) (l link, ok, helpLike bool) {
	if u.Scheme != "http" && u.Scheme != "https" {
		return link{}, false, false
	}
	r, on := s.rest(u)
	if !on {
		return link{}, false, s.helpShaped(u)
	}
	k, name, raw := shape(r, u.RawQuery)
	if k == "" || k == KindAPI && strings.Contains(name, "/") {
		// ApiIds have "-" for "/": an escaped slash is a path trick.
		return link{}, false, false
	}
	v := *u
	// Credentials written into a page's link are not ours to send.
	v.Fragment, v.RawFragment, v.User = "", "", nil
	v.Scheme, v.Host = s.scheme, s.host // one spelling per page in the manifest
	if k == KindAPI {
		v.RawQuery = ""
	} else {
		// Other parameters cannot change the page; dropping them keeps one
		// URL per model.
		v.RawQuery = "modelName=" + raw
	}
	return link{kind: k, name: name, url: v.String()}, true, false
}

// shape recognises the Api and ResourceModel routes in the part of a path
// after the area prefix.
func shape(rest, rawQuery string) (k Kind, name, raw string) {
	rest = strings.TrimSuffix(rest, "/")
	if len(rest) > 5 && strings.EqualFold(rest[:5], "/Api/") {
		seg := rest[5:]
		if seg == "" || strings.Contains(seg, "/") {
			return "", "", ""
		}
		return KindAPI, unescapePath(seg), seg
	}
	if strings.EqualFold(rest, "/ResourceModel") {
		for q := rawQuery; q != ""; {
			var kv string
			kv, q, _ = strings.Cut(q, "&")
			k, v, _ := strings.Cut(kv, "=")
			// PathUnescape, as the parser does: "+" is part of nested type
			// names (the site escapes it as %2B) and never means a space.
			if strings.EqualFold(k, "modelName") && v != "" {
				return KindModel, unescapePath(v), v
			}
		}
	}
	return "", "", ""
}

// helpShaped reports whether u looks like a Help Page link of some other
// site (or another application on this host).
func (s site) helpShaped(u *url.URL) bool {
	p := strings.TrimSuffix(u.EscapedPath(), "/")
	for i := 0; i < len(p); i++ {
		if p[i] != '/' {
			continue
		}
		seg := p[:i]
		if j := strings.LastIndexByte(seg, '/'); j >= 0 && s.area != "" && strings.EqualFold(seg[j+1:], s.area) {
			if k, _, _ := shape(p[i:], u.RawQuery); k != "" {
				return true
			}
		}
	}
	return false
}

// File names. Names come from the remote site, so they are escaped into a
// portable, injective form: no separators, no dot files, no Windows device
// names, bounded length. "+" (nested types) and "." (full-name model names)
// are kept so the files read like the model names they hold.

const maxNameBytes = 200 // leaves room for ".html" and temp-file prefixes under the common 255-byte limit

func fileFor(k Kind, name string) string {
	switch k {
	case KindIndex:
		return "index.html"
	case KindAPI:
		return "Api/" + safeName(name) + ".html"
	default:
		return "ResourceModel/" + safeName(name) + ".html"
	}
}

func safeName(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); {
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
			strings.ContainsRune("-_+~()@,=", r) || r == '.' && i > 0):
			b.WriteRune(r)
		case r != utf8.RuneError && r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)):
			b.WriteString(s[i : i+w])
		default:
			for _, c := range []byte(s[i : i+w]) {
				b.WriteString(pctByte(c))
			}
		}
		i += w
	}
	out := b.String()
	if reservedWindows(out) {
		out = pctByte(out[0]) + out[1:]
	}
	if len(out) > maxNameBytes {
		cut := maxNameBytes - 17
		for cut > 0 && !utf8.RuneStart(out[cut]) {
			cut--
		}
		// Don't split a %XX escape.
		if j := strings.LastIndexByte(out[:cut], '%'); j >= 0 && j > cut-3 {
			cut = j
		}
		sum := sha256.Sum256([]byte(s))
		out = out[:cut] + "~" + hex.EncodeToString(sum[:8])
	}
	return out
}

func pctByte(c byte) string {
	const hexd = "0123456789ABCDEF"
	return string([]byte{'%', hexd[c>>4], hexd[c&15]})
}

func reservedWindows(s string) bool {
	base, _, _ := strings.Cut(s, ".")
	switch strings.ToUpper(base) {
	case "CON", "PRN", "AUX", "NUL":
		return true
	}
	if len(base) == 4 && base[3] >= '1' && base[3] <= '9' {
		switch strings.ToUpper(base[:3]) {
		case "COM", "LPT":
			return true
		}
	}
	return false
}
