# flags: --eval --strict -I corp=./data
<corp/hello.txt>
