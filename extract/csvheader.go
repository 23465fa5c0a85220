package extract

import (
	"fmt"
	"slices"
	"strings"
)

// csvColumns says which record field each column of a CSV file fills, so
// that no column's values are lost to another column of the same name.
// Spreadsheet exports and joined scrapes repeat names (two description
// columns, title,company,title), and the reader folds names
// (Description and description are one field to it), so a record keyed by
// the header alone would keep one of the columns and drop the rest:
//
//   - Columns whose names fold to one text field (description,
//     requirements, tags and the other fields read as a posting's text or
//     sections) fill one field, under the first column's name: the row's
//     non-empty values, each once, in column order, a blank line between
//     them. The posting reads all of them.
//   - Columns of any other name (title, url, a field jobstack does not
//     know) keep one value each, since a title or a URL cannot be two
//     joined: the name holds the first non-empty value of them, so a row
//     whose first title cell is blank still has a title, and the second
//     column is also kept as name_2, the third as name_3 (a number further
//     on when the header already uses that name), for --map to name.
//   - A column with no name (a data frame's index, a column a person left
//     unnamed) is column_N, N its place from 1, as a no_header reject
//     counts cells.
type csvColumns struct {
	names []string // the field column i fills
	// group is the columns whose names fold to column i's, in order, for
	// the first of them; nil for the others and for a name used once.
	group [][]int
	text  []bool // column i's group is joined as text
}

// textFieldNames are the folded field names whose same-named columns
// are joined: the fields read as a posting's text, its sections and its
// tags, where two columns' values are more text, not a second value.
var textFieldNames = func() map[string]bool {
	m := map[string]bool{}
	f := DefaultFields()
	for _, role := range []string{RoleText, RoleResponsibilities, RoleRequirements, RolePreferred, RoleBenefits, RoleCompanyInfo, RoleProcess, RoleTags} {
		for _, k := range f[role] {
			m[k] = true
		}
	}
	return m
}()

// csvColumnsOf names the columns of a header row whose cells are trimmed.
func csvColumnsOf(header []string) *csvColumns {
	c := &csvColumns{names: make([]string, len(header)), group: make([][]int, len(header)), text: make([]bool, len(header))}
	used := map[string]bool{}
	for i, h := range header {
		if h == "" {
			h = fmt.Sprintf("column_%d", i+1)
		}
		c.names[i] = h
		used[foldKey(h)] = true
	}
	first := map[string]int{}
	for i, h := range c.names {
		k := foldKey(h)
		f, seen := first[k]
		if !seen {
			first[k] = i
			continue
		}
		if c.group[f] == nil {
			c.group[f] = []int{f}
			c.text[f] = textFieldNames[k]
		}
		c.group[f] = append(c.group[f], i)
		if c.text[f] {
			c.names[i] = "" // joined into column f
			continue
		}
		for n := len(c.group[f]); ; n++ {
			name := fmt.Sprintf("%s_%d", c.names[f], n)
			if !used[foldKey(name)] {
				used[foldKey(name)] = true
				c.names[i] = name
				break
			}
		}
	}
	return c
}

// record is a row's record. A short row (trailing empty cells dropped by
// the writer) has no field for the columns it lacks.
func (c *csvColumns) record(row []string) map[string]any {
	rec := make(map[string]any, len(c.names))
	for i, v := range row[:min(len(row), len(c.names))] {
		switch g := c.group[i]; {
		case c.names[i] == "":
			// Joined into the first column of its name.
		case g == nil:
			rec[c.names[i]] = v
		case c.text[i]:
			var parts []string
			for _, j := range g {
				if j < len(row) {
					if s := strings.TrimSpace(row[j]); s != "" && !slices.Contains(parts, s) {
						parts = append(parts, s)
					}
				}
			}
			rec[c.names[i]] = strings.Join(parts, "\n\n")
		default:
			rec[c.names[i]] = v
			for _, j := range g {
				if j < len(row) && strings.TrimSpace(row[j]) != "" {
					rec[c.names[i]] = row[j]
					break
				}
			}
		}
	}
	return rec
}
