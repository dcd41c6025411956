# flags: --eval --strict -I ./data
<hello.txt>
