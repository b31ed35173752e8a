import ShopCore
