package serve

import "net/http"

// status answers the page's polling of a job (GET /api/jobs/{id}).
func (s *server) status(w http.ResponseWriter, r *http.Request) {
	j := s.jobs.get(r.PathValue("id"))
	if j == nil {
		fail(w, http.StatusNotFound, "没有这次计算：请重新上传")
		return
	}
	writeJSON(w, http.StatusOK, j.status())
}

// remove stops a job and deletes its files (DELETE /api/jobs/{id}): 取消, or a new upload
// replacing it.
func (s *server) remove(w http.ResponseWriter, r *http.Request) {
	if !s.jobs.remove(r.PathValue("id")) {
		fail(w, http.StatusNotFound, "没有这次计算")
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
