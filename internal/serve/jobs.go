package serve

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// job is one upload and the runs over it, in a folder of its own under a random id, so
// uploads from two tabs never mix.
type job struct {
	id       string
	dir      string
	inputs   []string // the uploaded workbooks, each in a folder of its own under dir
	all      bool     // 全部: the rows name their measure
	ctx      context.Context
	cancel   context.CancelFunc
	done     chan struct{}
	progress progressLine

	mu      sync.Mutex
	state   string // running, done, failed
	phase   string
	err     string
	summary *summary
	files   map[string]string // format → the file its run wrote
}

// status is what the page polls while a job runs.
type status struct {
	State    string   `json:"state"`
	Phase    string   `json:"phase,omitempty"`
	Progress string   `json:"progress,omitempty"`
	Error    string   `json:"error,omitempty"`
	Summary  *summary `json:"summary,omitempty"`
}

func (j *job) status() status {
	j.mu.Lock()
	defer j.mu.Unlock()
	return status{State: j.state, Phase: j.phase, Progress: j.progress.String(), Error: j.err, Summary: j.summary}
}

func (j *job) setPhase(phase string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.phase = phase
	j.progress.reset()
}

func (j *job) fail(msg string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.state, j.err, j.phase = "failed", msg, ""
}

// succeed publishes a job's summary and files at once: the page sees all or nothing.
func (j *job) succeed(sum *summary, files map[string]string) {
	sum.Downloads = map[string]string{}
	for format, path := range files {
		if _, ok := contentTypes[format]; ok { // the JSON Lines feed the table; they are not offered
			sum.Downloads[format] = filepath.Base(path)
		}
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	j.state, j.phase, j.summary, j.files = "done", "", sum, files
}

// file is the path of the award file of a format, once the job is done.
func (j *job) file(format string) (string, bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	path, ok := j.files[format]
	return path, ok
}

// progressLine keeps the last line measure's progress wrote ("\r已处理 …"), for the page.
type progressLine struct {
	mu   sync.Mutex
	last string
}

func (p *progressLine) Write(b []byte) (int, error) {
	lines := strings.FieldsFunc(string(b), func(r rune) bool { return r == '\r' || r == '\n' })
	p.mu.Lock()
	defer p.mu.Unlock()
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			p.last = l
		}
	}
	return len(b), nil
}

func (p *progressLine) String() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.last
}

func (p *progressLine) reset() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.last = ""
}

// jobs are the page's jobs by id; their contexts end with the page's.
type jobs struct {
	ctx    context.Context
	mu     sync.Mutex
	byID   map[string]*job
	wg     sync.WaitGroup
	closed bool
}

func newJobs(ctx context.Context) *jobs {
	return &jobs{ctx: ctx, byID: map[string]*job{}}
}

// start runs work on a new job in the background; false once the page is stopping.
func (js *jobs) start(j *job, work func(*job)) bool {
	js.mu.Lock()
	defer js.mu.Unlock()
	if js.closed {
		return false
	}
	j.ctx, j.cancel = context.WithCancel(js.ctx)
	j.done = make(chan struct{})
	j.state = "running"
	js.byID[j.id] = j
	js.wg.Add(1)
	go func() {
		defer js.wg.Done()
		defer close(j.done)
		defer j.cancel() // its runs are over: release the context
		work(j)
	}()
	return true
}

func (js *jobs) get(id string) *job {
	js.mu.Lock()
	defer js.mu.Unlock()
	return js.byID[id]
}

// remove stops a job, waits for its run to end and deletes its files; false if there is none.
func (js *jobs) remove(id string) bool {
	js.mu.Lock()
	j := js.byID[id]
	delete(js.byID, id)
	js.mu.Unlock()
	if j == nil {
		return false
	}
	j.cancel()
	<-j.done
	os.RemoveAll(j.dir)
	return true
}

// close takes no more jobs, stops those under way and waits for them to end.
func (js *jobs) close() {
	js.mu.Lock()
	js.closed = true
	for _, j := range js.byID {
		j.cancel()
	}
	js.mu.Unlock()
	js.wg.Wait()
}
