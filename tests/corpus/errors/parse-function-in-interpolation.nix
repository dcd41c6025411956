"${toString x: 1}"
