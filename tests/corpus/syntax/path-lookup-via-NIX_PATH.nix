# env: NIX_PATH=fromenv=./data
<fromenv/hello.txt>
