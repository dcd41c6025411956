[ (./a == "./a") (./a == toString ./a) ]
