# flags: --eval --strict -I here=.
<here/data/file.txt>
