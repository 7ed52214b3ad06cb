-- a business cannot go online on the register before it is registered
select * from umkm where onboarded_on < registered_on
