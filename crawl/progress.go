package crawl

import (
	"io"
	"os"
	"strconv"
	"strings"
	"sync"
	"time"
)

// progress draws "\r[####......] 12/44 pages" on a terminal. The total
// grows as links are discovered, so the bar can move backwards; it is a
// sign of life, not an estimate.
type progress struct {
	mu          sync.Mutex
	w           io.Writer
	on          bool
	done, total int
	width       int // length of the line on screen, for clearing it
	last        time.Time
}

const barWidth = 30

func newProgress(w io.Writer) *progress {
	return &progress{w: w, on: w != nil && isTerminal(w)}
}

// isTerminal avoids a dependency on x/term: a character device is a
// terminal for our purposes (a stray bar on /dev/null harms nobody).
func isTerminal(w io.Writer) bool {
	if t, ok := w.(interface{ IsTerminal() bool }); ok {
		return t.IsTerminal()
	}
	f, ok := w.(*os.File)
	if !ok || f == nil {
		return false
	}
	st, err := f.Stat()
	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

func (p *progress) grow(n int) {
	p.mu.Lock()
	p.total += n
	p.mu.Unlock()
}

func (p *progress) step() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.done++
	// Redrawing per page would flood a slow terminal on large sites.
	if now := time.Now(); p.done == p.total || now.Sub(p.last) >= 50*time.Millisecond {
		p.last = now
		p.draw()
	}
}

// finish leaves the final bar on its own line, for the summary to follow.
func (p *progress) finish() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.on && p.total > 0 {
		p.draw()
		io.WriteString(p.w, "\n")
		p.on = false
	}
}

// clear and redraw bracket a log line so it does not land mid-bar.
func (p *progress) clear() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.on && p.width > 0 {
		io.WriteString(p.w, "\r"+strings.Repeat(" ", p.width)+"\r")
	}
}

func (p *progress) redraw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.width > 0 {
		p.draw()
	}
}

func (p *progress) draw() {
	if !p.on {
		return
	}
	fill := 0
	if p.total > 0 {
		fill = min(barWidth, p.done*barWidth/p.total)
	}
	line := "[" + strings.Repeat("#", fill) + strings.Repeat(".", barWidth-fill) + "] " +
		strconv.Itoa(p.done) + "/" + strconv.Itoa(p.total) + " pages"
	p.width = len(line)
	io.WriteString(p.w, "\r"+line)
}
