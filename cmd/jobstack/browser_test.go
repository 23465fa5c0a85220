package main

import (
	"bytes"
	"context"
	"encoding/json"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"golang.org/x/net/html"
)

// hostileTitle is the title of a posting that tries to run script in the
// HTML report; the browser must show it as text.
const hostileTitle = `<script>document.title="pwned"</script><img src=x onerror="document.title='pwned'">Data Engineer`

// chromium returns the headless browser the test uses, skipping the test
// when there is none, except in CI, where a missing browser is a failure
// (the Makefile installs Debian's chromium).
func chromium(t *testing.T) string {
	t.Helper()
	for _, name := range []string{"chromium", "/usr/bin/chromium"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if os.Getenv("CI") != "" {
		t.Fatal("chromium is not installed (apt-get install chromium fonts-noto-cjk)")
	}
	t.Skip("chromium is not installed; apt-get install chromium fonts-noto-cjk to run the browser test")
	return ""
}

// runChromium runs one headless Chromium job on a page with a fresh
// profile and returns its standard output.
func runChromium(ctx context.Context, t *testing.T, bin, page string, job ...string) []byte {
	t.Helper()
	args := []string{"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir=" + t.TempDir(), "--window-size=1280,4000"}
	args = append(append(args, job...), "file://"+page)
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.WaitDelay = 5 * time.Second // children holding the pipes do not hang the test
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("chromium %s: %v (context: %v)\n%s", strings.Join(job, " "), err, ctx.Err(), stderr.String())
	}
	return stdout.Bytes()
}

// TestReportInBrowser opens report.html of the sample plus a hostile
// posting in headless Chromium: the page renders, its tables and charts are
// in the DOM the browser built, the table sorter ran under the page's CSP,
// and the hostile title is text, not markup.
func TestReportInBrowser(t *testing.T) {
	bin := chromium(t)
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()

	in := t.TempDir()
	rec, err := json.Marshal(map[string]string{
		"title":       hostileTitle,
		"company":     `<img src=x onerror=alert(1)>`,
		"description": "We build our data platform on AWS.\n\nRequirements\n- 3+ years with Python, SQL and Airflow\n- Spark and Kafka\n\nNice to have\n- Kubernetes",
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "hostile.jsonl"), append(rec, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	out, _ := analyzeInto(t, sample, in)
	m := readManifest(t, out)
	var classes struct {
		Maturity map[string]int `json:"maturity"`
	}
	data, err := os.ReadFile(filepath.Join(out, fileManifest))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &classes); err != nil {
		t.Fatal(err)
	}
	page, err := filepath.Abs(filepath.Join(out, fileHTML))
	if err != nil {
		t.Fatal(err)
	}

	shot := filepath.Join(t.TempDir(), "report.png")
	runChromium(ctx, t, bin, page, "--screenshot="+shot)
	checkScreenshot(t, shot)

	dom := runChromium(ctx, t, bin, page, "--dump-dom")
	doc, err := html.Parse(bytes.NewReader(dom))
	if err != nil {
		t.Fatalf("parsing the dumped DOM: %v", err)
	}
	var postings *html.Node
	title, rows, svgs, untitled, imgs := "", 0, 0, 0, 0
	var walkDOM func(*html.Node)
	walkDOM = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "title":
				if n.Parent != nil && n.Parent.Data == "head" && n.FirstChild != nil {
					title = n.FirstChild.Data
				}
			case "table":
				if domAttr(n, "id") == "postings" {
					postings = n
				}
			case "tr":
				if n.Parent != nil && n.Parent.Data == "tbody" && inside(n, postings) {
					rows++
				}
			case "svg":
				svgs++
				if c := firstElement(n); c == nil || c.Data != "title" {
					untitled++
				}
			case "img":
				imgs++
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walkDOM(c)
		}
	}
	walkDOM(doc)

	if postings == nil {
		t.Fatal("the DOM has no table#postings")
	}
	if rows != m.Postings {
		t.Errorf("table#postings has %d body rows, want %d (one per posting)", rows, m.Postings)
	}
	wantSVG := 2 // maturity donut, top technologies
	for _, n := range classes.Maturity {
		if n > 0 {
			wantSVG++ // one chart per class with postings
		}
	}
	if svgs != wantSVG || untitled != 0 {
		t.Errorf("the DOM has %d <svg> charts (%d without a <title>), want %d, all titled", svgs, untitled, wantSVG)
	}
	if domAttr(postings, "data-sortable") != "yes" {
		t.Error("the table sorter did not run (blocked by the Content-Security-Policy?)")
	}
	if title != "jobstack report" {
		t.Errorf("document title = %q, want %q: a posting's script ran", title, "jobstack report")
	}
	if imgs != 0 {
		t.Errorf("the DOM has %d <img> elements, want 0: a posting's markup was parsed", imgs)
	}
	// Chromium serialises text nodes with < and > escaped: the title is
	// there as text.
	if !bytes.Contains(dom, []byte(`&lt;script&gt;document.title="pwned"&lt;/script&gt;&lt;img src=x onerror="document.title='pwned'"&gt;Data Engineer`)) {
		t.Error("the hostile title is not in the DOM as escaped text")
	}
}

// checkScreenshot checks that the PNG is a real page: big enough, the
// window's width, and not one flat colour.
func checkScreenshot(t *testing.T, path string) {
	t.Helper()
	fi, err := os.Stat(path)
	if err != nil {
		t.Fatalf("screenshot: %v", err)
	}
	if fi.Size() < 50<<10 {
		t.Errorf("screenshot is %d bytes, want at least 50 KiB for a rendered report", fi.Size())
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, err := png.Decode(f)
	if err != nil {
		t.Fatalf("screenshot is not a PNG: %v", err)
	}
	b := img.Bounds()
	if b.Dx() != 1280 {
		t.Errorf("screenshot is %d pixels wide, want 1280", b.Dx())
	}
	colours := map[[3]uint32]bool{}
	for y := b.Min.Y; y < b.Max.Y; y += 7 {
		for x := b.Min.X; x < b.Max.X; x += 7 {
			r, g, bl, _ := img.At(x, y).RGBA()
			colours[[3]uint32{r >> 8, g >> 8, bl >> 8}] = true
		}
	}
	if len(colours) < 16 {
		t.Errorf("screenshot has %d colours, want a rendered page with text and charts", len(colours))
	}
}

func domAttr(n *html.Node, key string) string {
	if n == nil {
		return ""
	}
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func firstElement(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
	}
	return nil
}

// inside reports whether n is a descendant of ancestor.
func inside(n, ancestor *html.Node) bool {
	for p := n.Parent; p != nil && ancestor != nil; p = p.Parent {
		if p == ancestor {
			return true
		}
	}
	return false
}
