# flags: --eval --strict -I corp=./data
<nothere>
