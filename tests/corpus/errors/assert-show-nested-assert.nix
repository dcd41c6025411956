assert (assert true; false); 0
