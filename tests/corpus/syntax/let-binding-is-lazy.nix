let unused = throw "never forced"; in "ok"
