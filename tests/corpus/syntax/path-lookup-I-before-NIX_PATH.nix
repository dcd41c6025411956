# flags: --eval --strict -I x=./data/sub
# env: NIX_PATH=x=./data
<x/which.txt>
