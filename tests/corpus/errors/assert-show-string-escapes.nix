assert "a\nb\"c\${d}" == "x"; 0
