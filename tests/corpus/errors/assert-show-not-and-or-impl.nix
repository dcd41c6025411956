assert !true || true -> false; 0
