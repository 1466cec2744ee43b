// Package udiff renders unified diffs of text files, for `helpgen check`.
package udiff

import (
	"fmt"
	"strings"
)

// Diff returns a unified diff (3 lines of context) from a to b, or "" when
// they are equal.
func Diff(nameA, nameB string, a, b []byte) string {
	if string(a) == string(b) {
		return ""
	}
	x, y := lines(string(a)), lines(string(b))
	ops := myers(x, y)
	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", nameA, nameB)
	const ctx = 3
	// Group edits into hunks with context.
	type edit struct {
		kind byte // ' ', '-', '+'
		text string
		ai   int // line index in a (for ' ' and '-')
		bi   int // line index in b (for ' ' and '+')
	}
	var es []edit
	ai, bi := 0, 0
	for _, op := range ops {
		switch op {
		case ' ':
			es = append(es, edit{' ', x[ai], ai, bi})
			ai++
			bi++
		case '-':
			es = append(es, edit{'-', x[ai], ai, bi})
			ai++
		case '+':
			es = append(es, edit{'+', y[bi], ai, bi})
			bi++
		}
	}
	for i := 0; i < len(es); {
		if es[i].kind == ' ' {
			i++
			continue
		}
		start := i - ctx
		if start < 0 {
			start = 0
		}
		end := i
		for end < len(es) {
			if es[end].kind != ' ' {
				end++
				continue
			}
			// Stop when the next change is more than 2*ctx lines away.
			j := end
			for j < len(es) && es[j].kind == ' ' {
				j++
			}
			if j == len(es) || j-end > 2*ctx {
				end += ctx
				if end > len(es) {
					end = len(es)
				}
				break
			}
			end = j
		}
		h := es[start:end]
		na, nb := 0, 0
		for _, e := range h {
			if e.kind != '+' {
				na++
			}
			if e.kind != '-' {
				nb++
			}
		}
		fmt.Fprintf(&out, "@@ -%d,%d +%d,%d @@\n", h[0].ai+1, na, h[0].bi+1, nb)
		for _, e := range h {
			out.WriteByte(e.kind)
			out.WriteString(e.text)
			out.WriteByte('\n')
		}
		i = end
	}
	return out.String()
}

func lines(s string) []string {
	if s == "" {
		return nil
	}
	s = strings.TrimSuffix(s, "\n")
	return strings.Split(s, "\n")
}

// myers returns the edit script (' ', '-', '+') of a shortest diff.
func myers(a, b []string) []byte {
	n, m := len(a), len(b)
	max := n + m
	v := make([]int, 2*max+2)
	var trace [][]int
	for d := 0; d <= max; d++ {
		trace = append(trace, append([]int(nil), v...))
		for k := -d; k <= d; k += 2 {
			var x int
			if k == -d || (k != d && v[max+k-1] < v[max+k+1]) {
				x = v[max+k+1]
			} else {
				x = v[max+k-1] + 1
			}
			y := x - k
			for x < n && y < m && a[x] == b[y] {
				x++
				y++
			}
			v[max+k] = x
			if x >= n && y >= m {
				return backtrack(trace, a, b, max, d)
			}
		}
	}
	return nil
}

func backtrack(trace [][]int, a, b []string, max, d int) []byte {
	x, y := len(a), len(b)
	var ops []byte
	for ; d > 0; d-- {
		v := trace[d]
		k := x - y
		var pk int
		if k == -d || (k != d && v[max+k-1] < v[max+k+1]) {
			pk = k + 1
		} else {
			pk = k - 1
		}
		px := v[max+pk]
		py := px - pk
		for x > px && y > py {
			ops = append(ops, ' ')
			x--
			y--
		}
		if x == px {
			ops = append(ops, '+')
		} else {
			ops = append(ops, '-')
		}
		x, y = px, py
	}
	for x > 0 && y > 0 {
		ops = append(ops, ' ')
		x--
		y--
	}
	for i, j := 0, len(ops)-1; i < j; i, j = i+1, j-1 {
		ops[i], ops[j] = ops[j], ops[i]
	}
	return ops
}
