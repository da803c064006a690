package workbook

import "unsafe"

// stringTable holds a workbook's shared strings in byte chunks with offsets: a million
// distinct strings then cost their bytes and 8 bytes each, nothing is copied as the table
// grows, and the garbage collector has no pointers to trace through them.
type stringTable struct {
	chunks [][]byte
	start  []uint32 // offset of string i: chunk index × chunkSize + position in the chunk
	length []uint32
}

const chunkBits = 22 // 4 MiB chunks

const chunkSize = 1 << chunkBits

func (s *stringTable) add(v string) error {
	if len(s.start) == 1<<31 || len(v) > maxElement {
		return errElementTooLarge
	}
	last := len(s.chunks) - 1
	if last < 0 || len(s.chunks[last])+len(v) > cap(s.chunks[last]) || len(s.chunks[last])+len(v) > chunkSize {
		if len(s.chunks) >= 1<<(32-chunkBits)-1 {
			return errElementTooLarge
		}
		size := chunkSize
		if len(v) > size {
			size = len(v) // a string beyond a chunk gets one of its own
		}
		s.chunks = append(s.chunks, make([]byte, 0, size))
		last++
	}
	pos := len(s.chunks[last])
	s.chunks[last] = append(s.chunks[last], v...)
	s.start = append(s.start, uint32(last)<<chunkBits|uint32(pos))
	s.length = append(s.length, uint32(len(v)))
	return nil
}

func (s *stringTable) len() int { return len(s.start) }

// at returns string i without copying; a chunk is never written where it was read.
func (s *stringTable) at(i int) string {
	n := s.length[i]
	if n == 0 {
		return ""
	}
	chunk, pos := s.start[i]>>chunkBits, s.start[i]&(chunkSize-1)
	return unsafe.String(&s.chunks[chunk][pos], int(n))
}
