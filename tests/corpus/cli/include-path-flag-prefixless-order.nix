# flags: --eval --strict -I ./data -I .
<file.txt>
