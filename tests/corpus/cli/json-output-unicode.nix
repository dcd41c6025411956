# flags: --eval --strict --json
"é\u{1}"
