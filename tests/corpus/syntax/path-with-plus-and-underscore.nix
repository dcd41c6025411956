./a_b+c-d.e
