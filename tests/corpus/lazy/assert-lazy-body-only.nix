assert true; let unused = throw "x"; in "ok"
