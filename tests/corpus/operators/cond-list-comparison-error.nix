if [ 1 2 ] < [ 1 "x" ] then 1 else 2
