# env: NIX_PATH=a=./missing-dir:a=./data
<a/file.txt>
