//go:build !linux

package measure

// renameNoReplace names the file unless the name is taken.
func renameNoReplace(from, to string) error { return renameIfAbsent(from, to) }
