throw "from import"
