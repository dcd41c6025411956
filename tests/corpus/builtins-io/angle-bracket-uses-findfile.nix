# flags: --eval --strict -I p=./data
let __findFile = path: name: "custom ${name}"; in <p/whatever>
