print("comptoir: interface coming")
